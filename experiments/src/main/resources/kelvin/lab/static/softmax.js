// Softmax explorer. Every number comes from POST /api/softmax/compute (Kelvin's boltzmann policy);
// this script only draws. Stable ids for browser tests:
//   #sm-logits            the action values, comma-separated (textarea)
//   #sm-slider            the temperature slider: 0 = T 0 (greedy), 602 = T inf (uniform),
//                         p in 1..601 is T = 10^(-3 + (p - 1) / 100) rounded to 4 significant digits
//   #sm-temperature       T as text ("inf" allowed); #sm-beta beta = 1/T as text
//   #sm-topk, #sm-topp, #sm-floor   the policy's options (empty = none)
//   #sm-preset-10, #sm-preset-100, #sm-preset-1000, #sm-preset-book   preset action values
//   td[data-action="i"]   the displayed probability of action i, 6 decimals (#sm-rows)
//   #sm-entropy           the entropy in nats, 6 decimals; #sm-max-entropy ln K
//   #sm-logits-error, #sm-temperature-error, #sm-options-error   one-line messages of refused input
//   #sm-curve             the entropy-against-log T chart; #sm-prob-bars, #sm-logp-bars the bar canvases
//   body[data-state]      "busy" while a request is in flight or queued, "ready" after the last answer
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const SLIDER_MAX = 602;
  let inFlight = false;
  let queued = false;
  let last = null;
  let curve = null;
  let logits = [];

  /** The temperature text of a slider position. */
  function sliderText(pos) {
    const t = Lab.sliderTemperature(pos, SLIDER_MAX, 4);
    return t === Infinity ? "inf" : String(t);
  }

  /** The slider position nearest to a temperature. */
  function sliderPos(t) {
    return Lab.sliderPosition(t, SLIDER_MAX);
  }

  function parseT(text) {
    const s = text.trim().toLowerCase();
    if (s === "inf" || s === "+inf" || s === "infinity") return Infinity;
    if (s === "") return NaN;
    return Number(s);
  }

  function invText(x) {
    if (x === 0) return "inf";
    if (x === Infinity) return "0";
    return String(Number((1 / x).toPrecision(6)));
  }

  /** Which field the temperature comes from: the slider or T field ("temperature") or beta. */
  let source = "temperature";

  function request() {
    const body = { logits: $("sm-logits").value, "top-k": $("sm-topk").value, "top-p": $("sm-topp").value,
      floor: $("sm-floor").value };
    if (source === "beta") body.beta = $("sm-beta").value;
    else body.temperature = $("sm-temperature").value;
    return body;
  }

  /** Sends the current inputs; while one request is in flight, later changes wait and go as one. */
  function update() {
    if (inFlight) { queued = true; return; }
    inFlight = true;
    queued = false;
    document.body.dataset.state = "busy";
    const started = performance.now();
    Lab.post("/api/softmax/compute", request())
      .then((r) => {
        const answered = performance.now();
        clearErrors();
        document.body.classList.remove("sm-stale");
        render(r);
        const done = performance.now();
        $("sm-timing").textContent = "Updated in " + Math.round(done - started) + " ms (answer "
          + Math.round(answered - started) + " ms, drawing " + Math.round(done - answered) + " ms).";
      })
      .catch(showError)
      .finally(() => {
        inFlight = false;
        if (queued) update(); else document.body.dataset.state = "ready";
      });
  }

  function clearErrors() {
    for (const id of ["sm-logits-error", "sm-temperature-error", "sm-options-error"]) $(id).textContent = "";
  }

  function showError(e) {
    clearErrors();
    // the charts still show the last accepted input: dim them until the input is fixed
    document.body.classList.add("sm-stale");
    const msg = e.message;
    let id = "sm-logits-error";
    if (/^(temperature|beta):/.test(msg)) id = "sm-temperature-error";
    else if (/^(top-k|top-p|floor):/.test(msg)) { id = "sm-options-error"; $("sm-options").open = true; }
    $(id).textContent = msg;
  }

  function num(x) {
    if (typeof x === "number") return x;
    if (x === "Infinity" || x === "inf") return Infinity;
    if (x === "-Infinity" || x === "-inf") return -Infinity;
    return NaN;
  }

  function render(r) {
    last = r;
    logits = $("sm-logits").value.trim().split(/[,\s]+/).map(Number);
    const k = r.k;
    const p = r.probabilities;
    const lp = r.log_probabilities.map(num);
    // the table: rows rebuilt only when K changes
    const rows = $("sm-rows");
    if (rows.children.length !== k) {
      const frag = document.createDocumentFragment();
      for (let i = 0; i < k; i++) {
        const tr = document.createElement("tr");
        tr.innerHTML = "<td>" + i + "</td><td></td><td data-action=\"" + i + "\"></td><td></td>";
        frag.appendChild(tr);
      }
      rows.replaceChildren(frag);
      // a long open table costs its layout on every update: it opens by itself only for a few actions
      $("sm-table-details").open = k <= 20;
    }
    let best = 0;
    for (let i = 1; i < k; i++) if (p[i] > p[best]) best = i;
    for (let i = 0; i < k; i++) {
      const c = rows.children[i].children;
      c[1].textContent = Lab.fmt(logits[i], 6);
      c[2].textContent = p[i].toFixed(6);
      c[3].textContent = lp[i] === -Infinity ? "\u2212\u221e (p = 0)" : lp[i].toFixed(6);
      c[3].className = lp[i] === -Infinity ? "cut" : "";
      rows.children[i].className = i === best ? "best" : "";
    }
    const h = r.entropy;
    const hmax = r.max_entropy;
    $("sm-entropy").textContent = h.toFixed(6);
    $("sm-max-entropy").textContent = hmax.toFixed(6);
    const share = hmax > 0 ? h / hmax : 1;
    $("sm-entropy-share").textContent = (100 * share).toFixed(1) + "% of the maximum";
    $("sm-gauge-fill").style.width = (100 * share).toFixed(2) + "%";
    $("sm-summary").textContent = "K = " + k + ", T = " + Lab.fmt(num(r.temperature), 4) + ", \u03b2 = "
      + Lab.fmt(num(r.beta), 4) + (r.zero > 0 ? ", " + r.zero + " with p = 0" : "");
    drawBars($("sm-prob-bars"), p, false);
    drawBars($("sm-logp-bars"), lp, true);
    drawCurve(r);
  }

  /** Bars of p (0 up) or of ln p (0 down); actions with ln p = -inf get a grey tick. */
  function drawBars(canvas, values, log) {
    const dpr = window.devicePixelRatio || 1;
    const w = canvas.clientWidth;
    const hgt = 200;
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(hgt * dpr);
    canvas.style.height = hgt + "px";
    const ctx = canvas.getContext("2d");
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, hgt);
    const left = 66, right = 8, top = 10, bottom = 34;
    const pw = w - left - right, ph = hgt - top - bottom;
    const k = values.length;
    let lo = 0, hi = 0;
    for (const v of values) {
      if (log && v !== -Infinity && v < lo) lo = v;
      if (!log && v > hi) hi = v;
    }
    if (lo === hi) {
      if (log) lo = -1; else hi = 1;
    }
    // ticks 1, 2, 2.5 or 5 times a power of ten apart, at most about 4 of them
    const tick = niceCeil((hi - lo) / 4);
    lo = Math.floor(lo / tick + 1e-9) * tick;
    hi = Math.min(log ? 0 : 1, Math.ceil(hi / tick - 1e-9) * tick);
    const y = (v) => top + ph * (hi - v) / (hi - lo);
    ctx.font = "12px system-ui, sans-serif";
    ctx.fillStyle = "#5b6475";
    ctx.strokeStyle = "#d9dde5";
    ctx.lineWidth = 1;
    ctx.textAlign = "right";
    ctx.textBaseline = "middle";
    for (let v = lo; v <= hi + tick * 1e-9; v += tick) {
      const yy = Math.round(y(v)) + 0.5;
      ctx.beginPath(); ctx.moveTo(left, yy); ctx.lineTo(left + pw, yy); ctx.stroke();
      ctx.fillText(Lab.fmt(Math.abs(v) < tick * 1e-9 ? 0 : v, 3), left - 6, yy);
    }
    ctx.save();
    ctx.translate(10, top + ph / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textAlign = "center";
    ctx.fillText(log ? "ln p (nats)" : "p", 0, 0);
    ctx.restore();
    const slot = pw / k;
    const bw = Math.max(1, slot * (k > 50 ? 1 : 0.7));
    for (let i = 0; i < k; i++) {
      const x = left + i * slot + (slot - bw) / 2;
      const v = values[i];
      if (log && v === -Infinity) {
        ctx.fillStyle = "#9aa1ad";
        ctx.fillRect(x, top + ph - 4, bw, 4);
        continue;
      }
      ctx.fillStyle = log ? "#2c7fb8" : "#c0392b";
      const y0 = y(0), y1 = y(v);
      ctx.fillRect(x, Math.min(y0, y1), bw, Math.max(1, Math.abs(y1 - y0)));
    }
    ctx.fillStyle = "#5b6475";
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    const step = niceStep(k / Math.max(2, Math.floor(pw / 48)));
    for (let i = 0; i < k; i += step) ctx.fillText(String(i), left + (i + 0.5) * slot, top + ph + 4);
    ctx.fillText("action a", left + pw / 2, top + ph + 18);
  }

  /** The smallest of 1, 2, 5, 10, 20, 50, ... at least x: a readable spacing of action ticks. */
  function niceStep(x) {
    for (let e = 1; ; e *= 10) for (const m of [1, 2, 5]) if (m * e >= x) return m * e;
  }

  function niceCeil(x) {
    const e = Math.pow(10, Math.floor(Math.log10(x)));
    for (const m of [1, 2, 2.5, 5, 10]) if (m * e >= x * (1 - 1e-12)) return m * e;
    return 10 * e;
  }

  function markerX(r) {
    const t = num(r.temperature);
    if (t === 0) return -3;
    if (t === Infinity) return 3;
    return Math.min(3, Math.max(-3, Math.log10(t)));
  }

  function drawCurve(r) {
    const el = $("sm-curve");
    const xs = r.curve.log10_t;
    const hs = r.curve.entropy;
    const max = xs.map(() => r.max_entropy);
    const data = [xs, hs, max];
    const width = Math.max(240, el.clientWidth);
    el.dataset.width = String(width);
    if (!curve || curve.width !== width) {
      if (curve) curve.destroy();
      curve = new uPlot({
        width, height: 220,
        scales: { x: { time: false, range: [-3, 3] }, y: { range: (u, a, b) => [0, Math.max(b, 0.1) * 1.05] } },
        axes: [{ label: "temperature T (reward units, log scale)", splits: () => [-3, -2, -1, 0, 1, 2, 3],
          values: (u, v) => v.map((x) => String(Math.pow(10, x))) },
          { label: "entropy H (nats)", size: 56 }],
        series: [{ label: "T", value: (u, v) => v == null ? "\u2013" : Lab.fmt(Math.pow(10, v), 3) },
          { label: "H(T)", stroke: "#c0392b", width: 2, value: (u, v) => v == null ? "\u2013" : v.toFixed(4) },
          { label: "ln K", stroke: "#5b6475", dash: [6, 4], width: 1,
            value: (u, v) => v == null ? "\u2013" : v.toFixed(4) }],
        legend: { show: false },
        hooks: { draw: [(u) => {
          if (!last) return;
          const ctx = u.ctx;
          const x = Math.round(u.valToPos(markerX(last), "x", true));
          ctx.save();
          ctx.strokeStyle = "#c0392b";
          ctx.lineWidth = 2 * (window.devicePixelRatio || 1);
          ctx.beginPath(); ctx.moveTo(x, u.bbox.top); ctx.lineTo(x, u.bbox.top + u.bbox.height); ctx.stroke();
          ctx.restore();
        }] },
      }, data, el);
    } else {
      curve.setData(data);
    }
  }

  function fromSlider() {
    const text = sliderText(Number($("sm-slider").value));
    $("sm-slider").setAttribute("aria-valuetext", "T = " + text);
    $("sm-temperature").value = text;
    $("sm-beta").value = invText(parseT(text));
    source = "temperature";
    update();
  }

  function fromTemperature() {
    const t = parseT($("sm-temperature").value);
    source = "temperature";
    if (t >= 0) {
      $("sm-slider").value = sliderPos(t);
      $("sm-beta").value = invText(t);
    }
    update();
  }

  function fromBeta() {
    const b = parseT($("sm-beta").value);
    source = "beta";
    if (b >= 0) {
      const t = b === 0 ? Infinity : 1 / b;
      $("sm-slider").value = sliderPos(t);
      $("sm-temperature").value = invText(b);
    }
    update();
  }

  async function preset(k) {
    try {
      const r = await Lab.get("/api/softmax/preset", { k: String(k) });
      $("sm-logits").value = r.logits;
      update();
    } catch (e) {
      showError(e);
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("sm-slider").addEventListener("input", fromSlider);
    $("sm-temperature").addEventListener("input", fromTemperature);
    $("sm-beta").addEventListener("input", fromBeta);
    for (const id of ["sm-logits", "sm-topk", "sm-topp", "sm-floor"]) $(id).addEventListener("input", update);
    $("sm-preset-10").addEventListener("click", () => preset(10));
    $("sm-preset-100").addEventListener("click", () => preset(100));
    $("sm-preset-1000").addEventListener("click", () => preset(1000));
    $("sm-preset-book").addEventListener("click", () => { $("sm-logits").value = "2, 1, 0.1"; update(); });
    // redraw when the charts' width changes (a rotated phone, a resized window)
    let width = $("sm-curve").clientWidth;
    new ResizeObserver(() => {
      const w = $("sm-curve").clientWidth;
      if (w !== width && last) { width = w; render(last); }
    }).observe($("sm-curve"));
    update();
  });
})();
