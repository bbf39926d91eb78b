/*
 * Optional helper for pages that embed this timeline: sizes each of its frames to the
 * height the frame reports. It trusts only messages from the origin it was loaded from,
 * of the expected shape, and only for a frame on this page that sent them.
 * Same rule as isResizeMessage() in src/lib/embed.ts.
 */
(function () {
  var script = document.currentScript;
  if (!script || !script.src) return;
  var origin = new URL(script.src, location.href).origin;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.origin !== origin || !data || typeof data !== 'object' || data.type !== 'news-timeline:resize') return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height) || height <= 0 || height >= 100000) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) frames[i].style.height = Math.ceil(height) + 'px';
    }
  });
  // Frames that loaded before this script ran have already said their height: ask again.
  var frames = document.getElementsByTagName('iframe');
  for (var i = 0; i < frames.length; i++) {
    if (frames[i].src.indexOf(origin + '/') === 0 && frames[i].contentWindow) frames[i].contentWindow.postMessage({ type: 'news-timeline:measure' }, '*');
  }
})();
