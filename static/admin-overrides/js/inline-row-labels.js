'use strict';
// Inline rows added or removed in the browser: Django's inlines.js renumbers their fields'
// ids and names, but neither the fields' aria-describedby (which then points at no help text)
// nor the text of a tabular row's hidden labels ("Diplôme (ligne 3)", see
// templates/admin/edit_inline/tabular.html). Both are set again from each row's index.
{
    const renumber = function(group) {
        // Tabular rows, stacked forms.
        group.querySelectorAll('tr.form-row, .inline-related[id]').forEach(function(row) {
            const index = Number(row.id.split('-').pop());
            if (Number.isNaN(index)) {
                return;  // The hidden template ("<prefix>-empty").
            }
            row.querySelectorAll('.row-number').forEach(function(number) {
                number.textContent = index + 1;
            });
            row.querySelectorAll('[aria-describedby]').forEach(function(field) {
                const help = field.id + '_helptext';
                if (document.getElementById(help)) {
                    field.setAttribute('aria-describedby', help);
                }
            });
        });
    };

    document.addEventListener('formset:added', function(event) {
        renumber(event.target.closest('.inline-group'));
    });
    document.addEventListener('formset:removed', function(event) {
        const group = document.getElementById(event.detail.formsetName + '-group');
        // inlines.js renumbers the remaining rows only after sending this event.
        if (group) {
            queueMicrotask(function() {
                renumber(group);
            });
        }
    });
}
