// web/embed-host.js - for host pages that embed wardshare as an iframe: sizes each
// <iframe data-wardshare src=".../?embed"> to its content. Messages count only from that iframe's own
// window and origin. Styles are set through CSSOM, so a host CSP of style-src 'self' is enough.
const frames = () => [...document.querySelectorAll('iframe[data-wardshare]')];

function fit(frame) {
  // important: host stylesheets that reset everything must not undo the size
  frame.style.setProperty('width', '100%', 'important');
  frame.style.setProperty('border', '0', 'important');
  frame.style.setProperty('display', 'block', 'important');
}

for (const frame of frames()) fit(frame);
document.addEventListener('DOMContentLoaded', () => frames().forEach(fit));

window.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'wardshare:height' || !Number.isFinite(data.height)) return;
  for (const frame of frames()) {
    const origin = new URL(frame.src, location.href).origin;
    if (event.source === frame.contentWindow && event.origin === origin) {
      fit(frame);
      frame.style.setProperty('height', `${Math.max(100, Math.min(20000, Math.round(data.height)))}px`, 'important');
    }
  }
});
