package cn.perfledger.app.browser;

import java.util.List;

/**
 * Script-injection payloads as a clerk, evaluator or administrator could type them into any free text. Every one
 * calls {@code xssHit(/id/.source)} if it ever runs (the test installs that function before any page script) and
 * every markup one carries a {@code data-xss} attribute or an {@code x-x} element, so the test finds an element a
 * payload created even where the Content-Security-Policy stopped it from running. None contains a digit (targets,
 * actuals and printed figures must hold exactly one number, added by the planter), and none starts with
 * {@code = @ + -} (refused by the formula guard before anything could be shown).
 */
final class XssPayloads {

    /**
     * One payload kind. {@code compact} is the same attack without white space, for fields that refuse it
     * (voucher numbers); {@code tiny} fits ten characters (grade names); null where there is none.
     */
    record Payload(String kind, String text, String compact) {

        /** The text for a field that takes at most {@code max} characters and maybe no white space. */
        String forField(boolean whiteSpaceAllowed, int max) {
            String t = whiteSpaceAllowed ? text : compact;
            return t != null && t.length() <= max ? t : null;
        }
    }

    static final List<Payload> ALL = List.of(
            new Payload("img-onerror", "<img src=x onerror=xssHit(/img/.source) data-xss>",
                    "<img/src=x/onerror=xssHit(/img/.source)/data-xss>"),
            new Payload("svg-onload", "<svg onload=xssHit(/svg/.source) data-xss>",
                    "<svg/onload=xssHit(/svg/.source)/data-xss>"),
            new Payload("script-breakout", "\"><script data-xss>xssHit(/script/.source)</script>",
                    "\"><script/data-xss>xssHit(/script/.source)</script>"),
            new Payload("json-breakout", "JSON\u2028\u2029</script><script data-xss>xssHit(/json/.source)</script><!--",
                    "</script><script/data-xss>xssHit(/json/.source)</script><!--"),
            new Payload("attribute-double-quote", "\" autofocus onfocus=\"xssHit(/dq/.source)\" data-xss=\"",
                    "\"/autofocus/onfocus=\"xssHit(/dq/.source)\"/data-xss=\""),
            new Payload("attribute-single-quote", "' onmouseover='xssHit(/sq/.source)' data-xss='",
                    "'/onmouseover='xssHit(/sq/.source)'/data-xss='"),
            new Payload("js-string-breakout", "';xssHit(/jss/.source);// \";xssHit(/jsd/.source);// `${xssHit(/jst/.source)}`",
                    "';xssHit(/jss/.source);//\";xssHit(/jsd/.source);//`${xssHit(/jst/.source)}`"),
            new Payload("javascript-url", "javascript:xssHit(/url/.source) <a href=\"javascript:xssHit(/href/.source)\" data-xss>链接</a>",
                    "javascript:xssHit(/url/.source)"),
            new Payload("template", "{{constructor.constructor('xssHit(/ng/.source)')()}} [[${#strings.toUpperCase('evaluated')}]] [(${'x'+'y'})] #{x} *{x} {a|<x-x>} {b}{c}",
                    "{{constructor.constructor('xssHit(/ng/.source)')()}}[[${a*b}]][(${a*b})]{a|<x-x>}"),
            new Payload("details-ontoggle", "<details open ontoggle=xssHit(/toggle/.source) data-xss><summary>x</summary></details>",
                    "<details/open/ontoggle=xssHit(/toggle/.source)/data-xss>"),
            new Payload("iframe-srcdoc", "<iframe srcdoc=\"<script>parent.xssHit(/iframe/.source)</script>\" data-xss></iframe>",
                    "<iframe/srcdoc=\"<script>parent.xssHit(/iframe/.source)</script>\"/data-xss></iframe>"),
            new Payload("entity-encoded", "&lt;img src=x onerror=xssHit(/entity/.source) data-xss&gt; &amp;lt;x-x&amp;gt;",
                    "&lt;img/src=x/onerror=xssHit(/entity/.source)/data-xss&gt;&amp;lt;x-x&amp;gt;"));

    /** Ten characters at most, for grade names: a tag a broken escape would turn into an element. */
    static final String TINY = "\"'><x-x>";

    private XssPayloads() {
    }

    /**
     * Installed by the DevTools protocol before any page script, so the Content-Security-Policy does not apply to it:
     * records every call of {@code xssHit} (and alert/confirm/prompt) and every {@code securitypolicyviolation}, in
     * the window and in localStorage so that a navigation does not lose them.
     */
    static final String WATCHER = """
            (function () {
              function keep(key, entry) {
                try {
                  var list = JSON.parse(localStorage.getItem(key) || '[]');
                  list.push(entry);
                  localStorage.setItem(key, JSON.stringify(list));
                } catch (e) { /* storage unavailable: the window copy still holds it */ }
              }
              window.__xssHits = [];
              window.__cspViolations = [];
              window.xssHit = function (id) {
                var entry = String(id) + ' @ ' + location.pathname + location.search;
                window.__xssHits.push(entry);
                keep('xss.hits', entry);
              };
              window.alert = window.confirm = window.prompt = function (m) { window.xssHit('dialog:' + m); };
              document.addEventListener('securitypolicyviolation', function (e) {
                var entry = e.violatedDirective + ' blocked=' + e.blockedURI + ' sample=' + (e.sample || '')
                    + ' at ' + e.sourceFile + ':' + e.lineNumber + ' on ' + location.pathname;
                window.__cspViolations.push(entry);
                keep('xss.csp', entry);
              }, true);
            })();
            """;

    /**
     * Elements a payload would have created: anything carrying data-xss or an x-x element, any inline event handler
     * attribute, a javascript: link, an inline or foreign script, frames, objects, svg and img (the pages use none),
     * a base or refresh meta. Returns a description of each, empty when the page is clean.
     */
    static final String INJECTED_FUNCTION = """
            function injected(root) {
            var found = [];
            var all = root.querySelectorAll('*');
            for (var i = 0; i < all.length; i++) {
              var el = all[i];
              var tag = el.tagName.toLowerCase();
              var why = null;
              if (el.hasAttribute('data-xss') || tag === 'x-x') { why = 'payload marker'; }
              else if (['iframe', 'frame', 'object', 'embed', 'svg', 'img', 'base', 'form-x', 'math'].indexOf(tag) >= 0) {
                why = 'element the pages never use';
              } else if (tag === 'script' && (!el.src || el.textContent.trim() !== ''
                  || new URL(el.src).origin !== location.origin)) {
                why = 'inline or foreign script';
              } else if (tag === 'meta' && el.hasAttribute('http-equiv')) { why = 'meta http-equiv'; }
              else if (tag === 'a' && /^\\s*javascript:/i.test(el.getAttribute('href') || '')) { why = 'javascript: link'; }
              for (var j = 0; !why && j < el.attributes.length; j++) {
                var name = el.attributes[j].name.toLowerCase();
                if (name.indexOf('on') === 0 || name === 'srcdoc' || name === 'autofocus' && tag !== 'input') {
                  why = 'attribute ' + name;
                }
              }
              if (why) { found.push(why + ': ' + el.outerHTML.substring(0, 160)); }
            }
            return found;
            }
            """;
}
