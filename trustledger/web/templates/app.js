// trustledger web app: click a ledger row to show its evidence (fetched as a server-rendered,
// escaped HTML fragment from /ledger/<commitment_id>). No other script, no network beyond the app.
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
    fetch("/ledger/" + encodeURIComponent(id), {headers: {"Accept": "text/html"}})
      .then(function (r) { return r.text().then(function (t) { return {ok: r.ok, status: r.status, text: t}; }); })
      .then(function (r) {
        if (r.ok) { cell.innerHTML = r.text; } else { cell.textContent = "Could not load the evidence (HTTP " + r.status + ")."; }
      })
      .catch(function () { cell.textContent = "Could not load the evidence."; });
  }
  // Charts: figure JSON sits in <script type="application/json"> (data, never executed).
  if (window.Plotly) {
    document.querySelectorAll("div.plot[data-figure]").forEach(function (div) {
      var fig = JSON.parse(document.getElementById(div.getAttribute("data-figure")).textContent);
      window.Plotly.newPlot(div, fig.data, fig.layout, {displaylogo: false, responsive: true, showLink: false});
    });
  }
  document.querySelectorAll("tr.ledger-row").forEach(function (row) {
    row.addEventListener("click", function (ev) { ev.preventDefault(); toggle(row); });
    row.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); toggle(row); }
    });
  });
})();
