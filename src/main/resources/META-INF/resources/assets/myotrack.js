// Small helpers of the MyoTrack pages; every page works without them.
(function () {
  'use strict';

  // After a refused form, put the keyboard on the summary of what to fix, whose links lead to each input.
  var problems = document.getElementById('problems');
  if (problems) {
    problems.focus();
  }

  // The MMT-8 total cannot exceed its scale: keep the input's maximum and label in step with the chosen scale.
  var scale = document.getElementById('mmt8Max');
  var total = document.getElementById('mmt8');
  if (scale && total) {
    scale.addEventListener('change', function () {
      total.max = scale.value;
      var shown = document.querySelector('[data-mmt8-scale]');
      if (shown) {
        shown.textContent = scale.value;
      }
    });
  }

  // Warn before leaving a visit sheet with unsaved entries.
  var sheet = document.querySelector('form[data-dirty-check]');
  if (sheet) {
    var dirty = false;
    sheet.addEventListener('input', function () { dirty = true; });
    sheet.addEventListener('submit', function () { dirty = false; });
    window.addEventListener('beforeunload', function (event) {
      if (dirty) {
        event.preventDefault();
        event.returnValue = '';
      }
    });
  }
})();
