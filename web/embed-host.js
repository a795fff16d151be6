// web/embed-host.js - for host pages that embed wardshare as an iframe: sizes each
// <iframe data-wardshare src=".../?embed"> to its content. Messages count only from that iframe's own
// window and origin.
const frames = () => [...document.querySelectorAll('iframe[data-wardshare]')];

window.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'wardshare:height' || !Number.isFinite(data.height)) return;
  for (const frame of frames()) {
    const origin = new URL(frame.src, location.href).origin;
    if (event.source === frame.contentWindow && event.origin === origin) {
      frame.style.height = `${Math.max(100, Math.min(20000, Math.round(data.height)))}px`;
    }
  }
});
