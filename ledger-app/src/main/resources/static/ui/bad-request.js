// Tomcat's page for a malformed address is static (written before the user is known): put in the signed-in
// user's bar from the server, as every other page shows it. Not signed in (a redirect to /login): keep the plain bar.
(function () {
  fetch('/signed-in-bar', { credentials: 'same-origin', redirect: 'manual' }).then(function (r) {
    return r.ok && r.type === 'basic' ? r.text() : null;
  }).then(function (html) {
    var header = document.querySelector('header.site-header');
    if (!html || !header) {
      return;
    }
    var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('header.site-header');
    if (fresh) {
      header.replaceWith(fresh);
    }
  }).catch(function () { /* the plain bar stays */ });
})();
