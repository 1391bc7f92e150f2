// The entry forms (录入). The server is the guarantee that a form records once (its hidden key); this only spares a
// second click the round trip, and shows the 调入预算行 field only for a 调剂.
(function () {
  document.querySelectorAll('form.entry-form, form.upload-form').forEach(function (form) {
    form.addEventListener('submit', function () {
      var button = form.querySelector('button[type=submit]');
      if (button) {
        // after this event, so the click itself still submits
        setTimeout(function () { button.disabled = true; button.textContent = '提交中…'; }, 0);
      }
    });
  });
  document.querySelectorAll('form.entry-form[data-form=adjustment]').forEach(function (form) {
    var kind = form.querySelector('select[name=kind]');
    var target = form.querySelector('[name=targetLineId]');
    if (!kind || !target) {
      return;
    }
    var field = target.closest('.field');
    var sync = function () {
      var transfer = kind.value === 'TRANSFER';
      field.classList.toggle('hidden-field', !transfer && !field.classList.contains('has-error'));
    };
    kind.addEventListener('change', function () {
      if (kind.value !== 'TRANSFER') {
        target.value = '';
      }
      sync();
    });
    sync();
  });
})();
