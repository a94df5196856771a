// trustledger web app: the only script the pages load (no network beyond the app).
// - A ledger row expands to show its evidence, fetched as a server-rendered, escaped HTML fragment
//   (/ledger/<commitment_id>?fragment=1); the row's link itself opens the promise's full page.
// - Tables marked "sortable" sort by a column when its header is clicked (filtering is on the server).
// - Charts: figure JSON sits in <script type="application/json"> (data, never executed); legends go
//   below the plot so that they never cover data.
(function () {
  "use strict";
  function toggle(row) {
    var next = row.nextElementSibling;
    if (next && next.classList.contains("ledger-detail")) {
      next.remove();
      row.classList.remove("open");
      row.setAttribute("aria-expanded", "false");
      return;
    }
    var id = row.getAttribute("data-commitment");
    var detail = document.createElement("tr");
    detail.className = "ledger-detail";
    var cell = document.createElement("td");
    cell.colSpan = row.children.length;
    cell.textContent = "Loading evidence…";
    detail.appendChild(cell);
    row.after(detail);
    row.classList.add("open");
    row.setAttribute("aria-expanded", "true");
    fetch("/ledger/" + encodeURIComponent(id) + "?fragment=1", {headers: {"Accept": "text/html"}})
      .then(function (r) { return r.text().then(function (t) { return {ok: r.ok, status: r.status, text: t}; }); })
      .then(function (r) {
        if (r.ok) { cell.innerHTML = r.text; } else { cell.textContent = "Could not load the evidence (HTTP " + r.status + ")."; }
      })
      .catch(function () { cell.textContent = "Could not load the evidence."; });
  }

  function cellValue(row, index, numeric) {
    var cell = row.children[index];
    if (!cell) { return numeric ? NaN : ""; }
    var raw = cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent;
    raw = (raw || "").trim();
    if (!numeric) { return raw.toLowerCase(); }
    var n = parseFloat(raw.replace(/[^0-9.eE+-]/g, ""));
    return raw === "" || raw === "–" ? NaN : n;
  }

  function sortBy(table, th, direction) {
    var index = Array.prototype.indexOf.call(th.parentNode.children, th);
    var numeric = th.getAttribute("data-sort") === "num";
    var ascending = direction ? direction === "ascending" : th.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("thead th").forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    body.querySelectorAll("tr.ledger-detail").forEach(function (d) { d.remove(); });
    var rows = Array.prototype.filter.call(body.rows, function (r) { return !r.querySelector("td[colspan]"); });
    rows.sort(function (a, b) {
      var x = cellValue(a, index, numeric), y = cellValue(b, index, numeric);
      var missingX = numeric ? isNaN(x) : x === "" || x === "–", missingY = numeric ? isNaN(y) : y === "" || y === "–";
      if (missingX || missingY) { return missingX === missingY ? 0 : (missingX ? 1 : -1); }  // blanks last
      var c = x < y ? -1 : x > y ? 1 : 0;
      return ascending ? c : -c;
    });
    rows.forEach(function (r) { r.classList.remove("open"); r.setAttribute("aria-expanded", "false"); body.appendChild(r); });
  }

  // At phone width the headers are hidden (rows become cards): a "sort by" menu does their job.
  function sortMenu(table, headers) {
    var label = document.createElement("label");
    label.className = "sort-menu";
    label.textContent = "sort by ";
    var select = document.createElement("select");
    select.appendChild(new Option("(as listed)", ""));
    headers.forEach(function (th, i) {
      var name = th.textContent.trim();
      select.appendChild(new Option(name + " ↑", i + ":ascending"));
      select.appendChild(new Option(name + " ↓", i + ":descending"));
    });
    select.addEventListener("change", function () {
      if (!select.value) { return; }
      var parts = select.value.split(":");
      sortBy(table, headers[Number(parts[0])], parts[1]);
    });
    label.appendChild(select);
    var box = table.closest(".table-wrap") || table;
    box.parentNode.insertBefore(label, box);
  }

  document.querySelectorAll("table.sortable").forEach(function (table) {
    var headers = Array.prototype.slice.call(table.querySelectorAll("thead th[data-sort]"));
    headers.forEach(function (th) {
      th.tabIndex = 0;
      th.addEventListener("click", function () { sortBy(table, th); });
      th.addEventListener("keydown", function (ev) {
        if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); sortBy(table, th); }
      });
    });
    if (headers.length && table.classList.contains("cards")) { sortMenu(table, headers); }
  });

  if (window.Plotly) {
    document.querySelectorAll("div.plot[data-figure]").forEach(function (div) {
      var fig = JSON.parse(document.getElementById(div.getAttribute("data-figure")).textContent);
      var layout = fig.layout || {};
      layout.legend = Object.assign({}, layout.legend || {}, {orientation: "h", x: 0, xanchor: "left", y: -0.18, yanchor: "top"});
      layout.margin = Object.assign({}, layout.margin || {}, {b: 90});
      layout.autosize = true;
      delete layout.width;
      window.Plotly.newPlot(div, fig.data, layout, {displaylogo: false, responsive: true, showLink: false});
    });
  }

  document.querySelectorAll("tr.ledger-row").forEach(function (row) {
    row.addEventListener("click", function (ev) {
      var link = ev.target.closest("a");
      if (link && (ev.ctrlKey || ev.metaKey || ev.shiftKey)) { return; }   // open the promise's page in a new tab
      if (link && !link.classList.contains("ledger-link")) { return; }    // a citation inside the row
      ev.preventDefault();
      toggle(row);
    });
    row.addEventListener("keydown", function (ev) {
      if (ev.target !== row) { return; }
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); toggle(row); }
    });
  });
})();
