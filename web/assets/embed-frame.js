// For the page that frames Enlace (the CRM site): sizes each Enlace frame to its content.
// Include it with <script src="https://<enlace>/assets/embed-frame.js" defer></script>;
// it listens only to messages from the origin it was loaded from.
(function () {
  "use strict";
  var script = document.currentScript;
  var origin = script ? new URL(script.src, location.href).origin : "";
  window.addEventListener("message", function (event) {
    if (event.origin !== origin || !event.data || event.data.type !== "enlace:height") return;
    var height = Number(event.data.height);
    if (!(height > 0 && height < 100000)) return;
    Array.prototype.forEach.call(document.querySelectorAll("iframe"), function (frame) {
      if (frame.contentWindow === event.source) frame.style.height = height + "px";
    });
  });
})();
