/*
 * The language link is written when the page is served; the filters chosen
 * since then live in the URL. On activation, point the link at the current URL
 * with only its language changed, so that the view carries over.
 */
(function () {
    "use strict";

    document.addEventListener("click", function (event) {
        var link = event.target.closest ? event.target.closest("a.language-switch") : null;
        if (!link) {
            return;
        }
        var target = new URL(link.href, window.location.href);
        var query = new URLSearchParams(window.location.search);
        var lang = target.searchParams.get("lang");
        if (lang) {
            query.set("lang", lang);
        } else {
            query.delete("lang");
        }
        var search = query.toString().replace(/%2F/g, "/");
        link.href = window.location.pathname + (search ? "?" + search : "");
    });
})();
