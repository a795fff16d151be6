// web/pwa.js - registers the service worker and offers a reload when a new release is ready.
export async function register(banner, button) {
  const reg = await navigator.serviceWorker.register(new URL('./sw.js', import.meta.url), { scope: './' });
  const offer = (waiting) => {
    banner.hidden = false;
    button.onclick = () => {
      button.disabled = true;
      waiting.postMessage({ type: 'activate' });
    };
  };
  // A worker already waiting (the page was opened after a release was fetched)
  if (reg.waiting && navigator.serviceWorker.controller) offer(reg.waiting);
  reg.addEventListener('updatefound', () => {
    const incoming = reg.installing;
    incoming?.addEventListener('statechange', () => {
      if (incoming.state === 'installed' && navigator.serviceWorker.controller) offer(incoming);
    });
  });
  // When the new worker takes over, reload once so every file comes from the one release
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading || !banner.dataset.accepted && banner.hidden) return;
    reloading = true;
    location.reload();
  });
  button.addEventListener('click', () => { banner.dataset.accepted = '1'; });
  // look for a release when the page regains focus, and hourly
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') reg.update().catch(() => {}); });
  setInterval(() => reg.update().catch(() => {}), 60 * 60 * 1000);
  return reg;
}
