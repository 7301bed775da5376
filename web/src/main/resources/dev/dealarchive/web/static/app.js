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
