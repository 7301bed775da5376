// The page's only script (the Content-Security-Policy allows no other): "/" focuses the search box, the sort menu
// applies at once, and dragging across timeline bars narrows the dates to the bars covered. Everything else is
// plain links and forms, so the page works without it.
'use strict';

document.addEventListener('keydown', (event) => {
  const target = event.target;
  const typing = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement ||
      target instanceof HTMLSelectElement || (target && target.isContentEditable);
  if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
    const box = document.getElementById('q');
    if (box) {
      event.preventDefault();
      box.focus();
      box.select();
    }
  }
});

document.addEventListener('DOMContentLoaded', () => {
  const sort = document.getElementById('sort');
  if (sort && sort.form && document.getElementById('q').value.trim() !== '') {
    sort.addEventListener('change', () => sort.form.requestSubmit());
  }

  const svg = document.querySelector('#timeline svg');
  if (!svg) {
    return;
  }
  let start = null;
  let dragged = false;
  const barOf = (event) => event.target instanceof Element ? event.target.closest('a.bar') : null;
  svg.addEventListener('mousedown', (event) => {
    start = barOf(event);
    dragged = false;
    if (start) {
      event.preventDefault();
    }
  });
  svg.addEventListener('mouseover', (event) => {
    const bar = barOf(event);
    if (!start || !bar) {
      return;
    }
    dragged = dragged || bar !== start;
    const [low, high] = [start.dataset.from, bar.dataset.from].sort();
    for (const each of svg.querySelectorAll('a.bar')) {
      each.classList.toggle('brushed', each.dataset.from >= low && each.dataset.from <= high);
    }
  });
  document.addEventListener('mouseup', (event) => {
    const end = barOf(event);
    const first = start;
    start = null;
    if (!first || !end || end === first) {
      return;
    }
    const bars = [first, end];
    const from = bars.map((bar) => bar.dataset.from).sort()[0];
    const to = bars.map((bar) => bar.dataset.to).sort()[1];
    const url = new URL(svg.dataset.url, window.location.origin);
    url.searchParams.set('from', from);
    url.searchParams.set('to', to);
    window.location.assign(url.pathname + url.search);
  });
  svg.addEventListener('click', (event) => {
    if (dragged) {
      event.preventDefault();
      dragged = false;
    }
  });
});

// With a language model configured, the answer card holds an empty #written element: the quoted answer shows at
// once, and the model's cited answer (or why there is none) is filled in when /api/ask returns it. Text goes in as
// text nodes only, never as markup.
document.addEventListener('DOMContentLoaded', () => {
  const written = document.getElementById('written');
  if (!written) {
    return;
  }
  written.hidden = false;
  const status = written.querySelector('.written-status');
  fetch('/api/ask?q=' + encodeURIComponent(written.dataset.question), {credentials: 'same-origin'})
      .then((response) => response.ok ? response.json() : Promise.reject(new Error('HTTP ' + response.status)))
      .then((answer) => {
        const generated = answer.generated;
        if (!generated) {
          const why = (answer.notices || []).find((notice) => notice.startsWith('no written answer')) ||
              'no written answer';
          status.textContent = why.charAt(0).toUpperCase() + why.slice(1) + '.';
          return;
        }
        status.remove();
        const text = document.createElement('p');
        text.className = 'written-text';
        text.textContent = generated.text;
        written.appendChild(text);
        const sources = document.createElement('ol');
        sources.className = 'written-sources';
        for (const citation of generated.citations) {
          const item = document.createElement('li');
          item.value = citation.n;
          const link = document.createElement('a');
          link.href = '/article/' + encodeURIComponent(citation.id);
          link.textContent = citation.title || citation.id;
          item.appendChild(link);
          sources.appendChild(item);
        }
        written.appendChild(sources);
        const note = document.createElement('p');
        note.className = 'written-note';
        note.textContent = 'Written by ' + generated.model + ' from the archive\u2019s passages; the quote below is verbatim.';
        written.appendChild(note);
      })
      .catch((error) => {
        status.textContent = 'No written answer (' + error.message + ').';
      });
});
