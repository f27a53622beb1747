// Stands in for a CMS script that adds content after the page has loaded.
setTimeout(() => {
  const widget = document.createElement('kk-felanmalan');
  widget.setAttribute('kommun', 'exempelstad');
  document.querySelector('[data-later]')?.append(widget);
}, 500);
