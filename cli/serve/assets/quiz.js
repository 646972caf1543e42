// quiz.js: makes the quiz pages smoother; every page works without it.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var form = document.querySelector("form.question");
  if (!form) return;
  var next = form.querySelector("button[value=next]");
  // A single choice or a scale tapped or clicked needs no separate click on Next. Arrow keys
  // also change a radio group, so a keyboard user still moves on with Enter.
  var pointed = 0;
  form.addEventListener("pointerdown", function () { pointed = Date.now(); });
  form.querySelectorAll("input[type=radio]").forEach(function (input) {
    input.addEventListener("change", function () {
      if (next && Date.now() - pointed < 1500) next.click();
    });
  });
  // One post per page: a second tap while the next page loads would repeat the answer.
  form.addEventListener("submit", function () {
    window.setTimeout(function () {
      form.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
    }, 0);
  });
  var first = form.querySelector("input:checked") || form.querySelector("input[name=answer]");
  if (first && window.matchMedia("(pointer: fine)").matches) first.focus();
});
