// Kelvin lab: what every page's script shares. Pages call the server's JSON API under /api/NAME/;
// an answer that is not 2xx carries {"error": "..."} in the CLI's words, raised here as an Error.
"use strict";
const Lab = (() => {
  async function answer(response) {
    const text = await response.text();
    let body = null;
    try { body = text ? JSON.parse(text) : null; } catch (e) { body = null; }
    if (!response.ok) {
      throw new Error(body && body.error ? body.error : response.status + " " + response.statusText);
    }
    return body;
  }
  /** GET path (with a query object) and return the JSON answer. */
  async function get(path, query) {
    const q = query ? "?" + new URLSearchParams(query).toString() : "";
    return answer(await fetch(path + q, { credentials: "same-origin" }));
  }
  /** POST a JSON body to path and return the JSON answer. */
  async function post(path, body) {
    return answer(await fetch(path, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json" }, body: JSON.stringify(body === undefined ? {} : body),
    }));
  }
  /** Open a server-sent event stream; handlers maps event names to functions of the parsed data. */
  function events(path, handlers) {
    const source = new EventSource(path);
    for (const [name, fn] of Object.entries(handlers)) {
      source.addEventListener(name, (e) => fn(JSON.parse(e.data)));
    }
    return source;
  }
  /** A number for display: "inf" and "-inf" (the server's JSON for infinities) as the symbol. */
  function fmt(x, digits) {
    if (x === "inf" || x === "Infinity" || x === Infinity) return "\u221e";
    if (x === "-inf" || x === "-Infinity" || x === -Infinity) return "-\u221e";
    if (x === "NaN" || x === null || x === undefined || Number.isNaN(x)) return "\u2013";
    const d = digits === undefined ? 4 : digits;
    const a = Math.abs(x);
    if (a !== 0 && (a < 1e-3 || a >= 1e6)) return x.toExponential(Math.max(d - 1, 1));
    return Number(x.toPrecision(d)).toString();
  }
  /**
   * The temperature at a position of a log-scale slider of positions 0 to max: 0 is T = 0
   * (greedy), max is T = Infinity (uniform), and 1 to max - 1 spread 10^-3 to 10^3 evenly in
   * log T, rounded to the given significant digits.
   */
  function sliderTemperature(pos, max, digits) {
    if (pos <= 0) return 0;
    if (pos >= max) return Infinity;
    return Number(Math.pow(10, -3 + 6 * (pos - 1) / (max - 2)).toPrecision(digits));
  }
  /** The position of such a slider nearest to a temperature. */
  function sliderPosition(t, max) {
    if (t === 0) return 0;
    if (t === Infinity) return max;
    const p = Math.round((Math.log10(t) + 3) * (max - 2) / 6) + 1;
    return Math.min(max - 1, Math.max(1, p));
  }
  /** Marks the navigation link of the current page. */
  function markNav() {
    for (const a of document.querySelectorAll(".lab-nav nav a")) {
      if (a.getAttribute("href") === location.pathname) a.setAttribute("aria-current", "page");
    }
  }
  document.addEventListener("DOMContentLoaded", markNav);
  return { get, post, events, fmt, sliderTemperature, sliderPosition };
})();
