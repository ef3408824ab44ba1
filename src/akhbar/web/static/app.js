// Akhbar's only script: draws the Plotly figures whose JSON the page carries in
// <script type="application/json"> blocks (CSP allows no inline script).
"use strict";

function drawFigures() {
  if (typeof window.Plotly === "undefined") { return; }
  document.querySelectorAll("[data-figure]").forEach(function (el) {
    var source = document.getElementById(el.getAttribute("data-figure"));
    if (!source) { return; }
    var fig = JSON.parse(source.textContent);
    if (!fig.data || fig.data.length === 0) {
      el.classList.add("plot-empty");
      el.textContent = "Nothing to plot: no dated articles.";
      return;
    }
    window.Plotly.newPlot(el, fig.data, fig.layout || {}, {
      displaylogo: false,
      responsive: true,
      modeBarButtonsToRemove: ["select2d", "lasso2d"],
    });
  });
}

document.addEventListener("DOMContentLoaded", drawFigures);
