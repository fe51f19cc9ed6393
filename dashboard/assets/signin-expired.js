/*
 * When the sign-in has ended (its hours are up, or the user signed out in another
 * tab), Dash's own requests get 401 and no data. Rather than leave a page that no
 * longer changes, load it again: the server then sends the browser to sign in, and
 * back to the same view afterwards.
 *
 * Not while the page is already being left: signing out ends the session at once, and
 * a callback still in flight then gets 401; reloading would cancel the way out (to the
 * signed-out page) and send the reader to sign in again.
 */
(function () {
    "use strict";

    var fetchBefore = window.fetch;
    var reloading = false;
    var leaving = false;
    window.addEventListener("beforeunload", function () {
        leaving = true;
        // A download also asks to leave, and the page stays: forget it after a while.
        window.setTimeout(function () { leaving = false; }, 5000);
    });
    window.fetch = function (resource, options) {
        return fetchBefore.call(this, resource, options).then(function (response) {
            var url = typeof resource === "string" ? resource : resource && resource.url;
            if (response.status === 401 && url && url.indexOf("/_dash-") !== -1) {
                if (!reloading && !leaving) {
                    reloading = true;
                    window.location.reload();
                }
                // Dash never sees the refusal: the page is being replaced.
                return new Promise(function () {});
            }
            return response;
        });
    };
})();
