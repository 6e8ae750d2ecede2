// Kelvin lab, gridworld viewer: one agent learning live on a map. Everything is computed on the
// server (GridworldPage); this script only asks for steps and draws the answers.
//
// Stable element ids (for browser tests):
//   #grid-map            map picker (built-in maps of the gridworld's map key)
//   #grid-size           deep sea size N (shown for deep-sea-N)
//   #grid-env            pasted env section (used instead of the map when not empty)
//   #grid-agent          agent picker (tabular agents with a policy)
//   #grid-alpha #grid-gamma #grid-initial #grid-seed   the agent's keys and the seed
//   #grid-temp-slider    temperature slider, log scale, 0 = greedy ... 200 = uniform (T = inf)
//   #grid-temp-value     the temperature shown
//   #grid-speed          steps per second slider (log scale, 1 to 10000)
//   #grid-run #grid-pause #grid-step #grid-episode #grid-reset   the buttons
//   #grid-canvas         the map; #grid-legend its legend
//   #grid-layer-q #grid-layer-visits   shading toggle; #grid-arrows #grid-path   overlays
//   #grid-episodes #grid-steps #grid-last-return #grid-last-length   counters
//   #grid-chart #grid-chart-metric     return/length per episode chart and its picker
//   #grid-error          the one-line error; #grid-config   the equivalent config
// A link can set the start: /gridworld#map=four-rooms&agent=sarsa&slider=80&episodes=50&layer=visits
//
// The page polls (POST /api/gridworld/step) rather than listening to a stream: it sets the pace
// itself (speed, pause, single steps), and a slow page never queues a backlog of events.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const API = "/api/gridworld";
  const SLIDER_MAX = 200;
  const state = { id: null, info: null, view: null, returns: [], lengths: [], running: false, busy: false };
  let chart = null;

  // ---- temperature slider: position 0 -> T = 0, SLIDER_MAX -> inf, between: 10^-3 .. 10^3 ----
  function sliderToT(p) {
    const t = Lab.sliderTemperature(Number(p), SLIDER_MAX, 3);
    return t === Infinity ? "inf" : t;
  }
  function speed() {
    return Math.round(Math.pow(10, 4 * Number($("grid-speed").value) / 100));
  }
  function showT() { $("grid-temp-value").textContent = Lab.fmt(sliderToT($("grid-temp-slider").value), 3); }
  function showSpeed() { $("grid-speed-value").textContent = speed(); }

  function error(message) { $("grid-error").textContent = message || ""; }

  // ---- session ----
  function form() {
    const map = $("grid-map").value === "deep-sea-N" ? "deep-sea-" + $("grid-size").value : $("grid-map").value;
    const body = {
      map, agent: $("grid-agent").value, env: $("grid-env").value,
      alpha: Number($("grid-alpha").value), initial: Number($("grid-initial").value),
      seed: Number($("grid-seed").value), temperature: sliderToT($("grid-temp-slider").value),
    };
    if ($("grid-gamma").value.trim() !== "") body.gamma = Number($("grid-gamma").value);
    return body;
  }

  async function reset() {
    pause();
    error("");
    const old = state.id;
    state.id = null;
    if (old) { try { await Lab.post(API + "/close", { id: old }); } catch (e) { /* already gone */ } }
    try {
      const answer = await Lab.post(API + "/sessions", form());
      state.id = answer.id;
      state.info = answer;
      state.returns = [];
      state.lengths = [];
      $("grid-config").textContent = answer.config;
      accept(answer);
    } catch (e) {
      error(e.message);
      state.info = null;
      state.view = null;
      draw();
    }
    buttons();
  }

  async function advance(what) {
    if (!state.id || state.busy) return false;
    state.busy = true;
    try {
      const answer = await Lab.post(API + "/step", Object.assign({ id: state.id, from: state.returns.length }, what));
      accept(answer);
      return true;
    } catch (e) {
      error(e.message);
      pause();
      return false;
    } finally {
      state.busy = false;
    }
  }

  function accept(view) {
    state.view = view;
    for (let i = 0; i < view.returns.length; i++) {
      const e = view.from + i;
      state.returns[e] = view.returns[i];
      state.lengths[e] = view.lengths[i];
    }
    $("grid-episodes").textContent = view.episodes;
    $("grid-steps").textContent = view.steps;
    $("grid-last-return").textContent = Lab.fmt(view.lastReturn);
    $("grid-last-length").textContent = view.lastLength === null ? "\u2013" : view.lastLength;
    draw();
    plot();
  }

  // ---- run loop: every tick asks for speed * tick steps, at least one ----
  async function run() {
    if (state.running || !state.id) return;
    state.running = true;
    buttons();
    while (state.running) {
      const s = speed();
      const tick = Math.max(0.1, 1 / s);
      const started = performance.now();
      const ok = await advance({ steps: Math.max(1, Math.min(100000, Math.round(s * tick))) });
      if (!ok) break;
      const left = tick * 1000 - (performance.now() - started);
      if (left > 0) await new Promise((r) => setTimeout(r, left));
    }
    state.running = false;
    buttons();
  }
  function pause() { state.running = false; buttons(); }
  function buttons() {
    $("grid-run").disabled = state.running || !state.id;
    $("grid-pause").disabled = !state.running;
    $("grid-step").disabled = state.running || !state.id;
    $("grid-episode").disabled = state.running || !state.id;
  }

  async function setTemperature() {
    showT();
    if (!state.id) return;
    try {
      await Lab.post(API + "/temperature", { id: state.id, temperature: sliderToT($("grid-temp-slider").value) });
      $("grid-config").textContent = state.info.config + "# the slider moved: the run no longer follows one fixed T\n";
    } catch (e) { error(e.message); }
  }

  // ---- drawing ----
  const COLORS = { wall: "#3a3f4b", goal: "#1e7e4a", hole: "#6a3d9a", cliff: "#7a2828", free: "#ffffff",
    agent: "#c0392b", path: "rgba(230, 126, 34, 0.75)", arrow: "#1d2330", grid: "#d9dde5" };
  // sequential ramps, light to dark (ColorBrewer Blues for Q, a white-to-red heat for visits)
  const RAMP = ["#f7fbff", "#deebf7", "#9ecae1", "#4292c6", "#2171b5", "#08519c"];
  const HEAT = ["#ffffff", "#fff3c4", "#fdc46b", "#f47c3c", "#c0392b", "#6b1414"];

  function ramp(stops, x) {
    x = Math.min(1, Math.max(0, x));
    const f = x * (stops.length - 1);
    const i = Math.min(stops.length - 2, Math.floor(f));
    const a = hex(stops[i]), b = hex(stops[i + 1]), t = f - i;
    return "rgb(" + [0, 1, 2].map((k) => Math.round(a[k] + (b[k] - a[k]) * t)).join(",") + ")";
  }
  function hex(h) { return [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)); }

  function layer() { return $("grid-layer-visits").checked ? "visits" : "q"; }

  function cellSize(info) {
    const box = $("grid-canvas").parentElement.clientWidth - 4;
    const maxHeight = Math.max(240, Math.min(560, window.innerHeight - 220));
    return Math.max(6, Math.min(56, Math.floor(box / info.columns), Math.floor(maxHeight / info.rows)));
  }

  // the range of the shading over the cells an agent can stand on
  function shadingRange(info, view, which) {
    let lo = Infinity, hi = -Infinity;
    const data = which === "visits" ? view.visits : view.values;
    if (!data) return null;
    for (let s = 0; s < data.length; s++) {
      const c = info.layout[Math.floor(s / info.columns)][s % info.columns];
      if (c === "#" || c === "C" || (which === "q" && (c === "G" || c === "H"))) continue;
      const v = which === "visits" ? Math.log10(1 + data[s]) : data[s];
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    return lo <= hi ? [lo, hi] : null;
  }

  function draw() {
    const canvas = $("grid-canvas");
    const ctx = canvas.getContext("2d");
    const info = state.info, view = state.view;
    if (!info || !view) {
      canvas.width = 10; canvas.height = 10;
      ctx.clearRect(0, 0, 10, 10);
      drawLegend(null);
      return;
    }
    const size = cellSize(info);
    const dpr = window.devicePixelRatio || 1;
    const w = size * info.columns, h = size * info.rows;
    canvas.width = Math.round(w * dpr); canvas.height = Math.round(h * dpr);
    canvas.style.width = w + "px"; canvas.style.height = h + "px";
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const which = layer();
    const range = shadingRange(info, view, which);
    const data = which === "visits" ? view.visits : view.values;
    for (let r = 0; r < info.rows; r++) {
      for (let c = 0; c < info.columns; c++) {
        const s = r * info.columns + c, ch = info.layout[r][c];
        let fill = COLORS.free;
        if (ch === "#") fill = COLORS.wall;
        else if (ch === "G") fill = COLORS.goal;
        else if (ch === "H") fill = COLORS.hole;
        else if (ch === "C") fill = COLORS.cliff;
        else if (range && data && range[1] > range[0]) {
          const v = which === "visits" ? Math.log10(1 + data[s]) : data[s];
          const x = range[1] > range[0] ? (v - range[0]) / (range[1] - range[0]) : 0;
          fill = which === "visits" ? ramp(HEAT, x) : ramp(RAMP, x);
        }
        ctx.fillStyle = fill;
        ctx.fillRect(c * size, r * size, size, size);
        ctx.strokeStyle = COLORS.grid;
        ctx.lineWidth = 1;
        ctx.strokeRect(c * size + 0.5, r * size + 0.5, size - 1, size - 1);
        if ((ch === "S" || ch === "G") && size >= 14) {
          ctx.fillStyle = ch === "G" ? "#ffffff" : "#1d2330";
          ctx.font = "600 " + Math.round(size * 0.38) + "px system-ui, sans-serif";
          ctx.textAlign = ch === "S" ? "left" : "center";
          ctx.textBaseline = ch === "S" ? "top" : "middle";
          if (ch === "S") {
            ctx.fillStyle = "rgba(255,255,255,0.85)";
            ctx.fillRect(c * size + 2, r * size + 2, size * 0.32, size * 0.42);
            ctx.fillStyle = "#1d2330";
            ctx.fillText("S", c * size + 3, r * size + 3);
          } else {
            ctx.fillText("G", c * size + size / 2, r * size + size / 2);
          }
        }
      }
    }
    if ($("grid-path").checked && view.path.length > 1) drawPath(ctx, info, view.path, size);
    if ($("grid-arrows").checked) drawArrows(ctx, info, view, size);
    const p = view.position;
    if (p < info.rows * info.columns) {
      ctx.fillStyle = COLORS.agent;
      ctx.strokeStyle = "#ffffff";
      ctx.lineWidth = Math.max(1.5, size * 0.06);
      ctx.beginPath();
      ctx.arc((p % info.columns + 0.5) * size, (Math.floor(p / info.columns) + 0.5) * size, size * 0.28, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
    }
    drawLegend(range);
  }

  function drawPath(ctx, info, path, size) {
    ctx.strokeStyle = COLORS.path;
    ctx.lineWidth = Math.max(2, size * 0.08);
    ctx.lineJoin = "round";
    ctx.beginPath();
    let prev = -1;
    for (const s of path) {
      if (s >= info.rows * info.columns) { prev = -1; continue; }
      const x = (s % info.columns + 0.5) * size, y = (Math.floor(s / info.columns) + 0.5) * size;
      if (prev < 0) ctx.moveTo(x, y); else ctx.lineTo(x, y);
      prev = s;
    }
    ctx.stroke();
  }

  function drawArrows(ctx, info, view, size) {
    if (size < 10) return;
    for (let s = 0; s < view.arrows.length; s++) {
      const a = view.arrows[s];
      const ch = info.layout[Math.floor(s / info.columns)][s % info.columns];
      if (!a || ch === "#" || ch === "G" || ch === "H" || ch === "C") continue;
      const cx = (s % info.columns + 0.5) * size, cy = (Math.floor(s / info.columns) + 0.5) * size;
      const len = Math.hypot(a[0], a[1]);
      const dx = a[1] / len, dy = a[0] / len;
      const l = size * 0.32, head = size * 0.16;
      const x0 = cx - dx * l, y0 = cy - dy * l, x1 = cx + dx * l, y1 = cy + dy * l;
      for (const [color, width] of [["rgba(255,255,255,0.9)", Math.max(3, size * 0.11)], [COLORS.arrow, Math.max(1.5, size * 0.05)]]) {
        ctx.strokeStyle = color;
        ctx.lineWidth = width;
        ctx.lineCap = "round";
        ctx.beginPath();
        ctx.moveTo(x0, y0); ctx.lineTo(x1, y1);
        ctx.moveTo(x1 - dx * head - dy * head * 0.8, y1 - dy * head + dx * head * 0.8);
        ctx.lineTo(x1, y1);
        ctx.lineTo(x1 - dx * head + dy * head * 0.8, y1 - dy * head - dx * head * 0.8);
        ctx.stroke();
      }
    }
  }

  function drawLegend(range) {
    const canvas = $("grid-legend");
    const width = Math.min(520, canvas.parentElement.clientWidth - 4);
    const dpr = window.devicePixelRatio || 1;
    const height = width < 420 ? 92 : 64;
    canvas.width = Math.round(width * dpr); canvas.height = Math.round(height * dpr);
    canvas.style.width = width + "px"; canvas.style.height = height + "px";
    const ctx = canvas.getContext("2d");
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.font = "12px system-ui, sans-serif";
    ctx.textBaseline = "middle";
    const which = layer();
    const barW = Math.min(260, width - 20);
    const stops = which === "visits" ? HEAT : RAMP;
    for (let i = 0; i < barW; i++) {
      ctx.fillStyle = ramp(stops, i / (barW - 1));
      ctx.fillRect(10 + i, 18, 1, 12);
    }
    ctx.strokeStyle = "#9aa1ad";
    ctx.strokeRect(10.5, 18.5, barW - 1, 11);
    ctx.fillStyle = "#1d2330";
    ctx.textAlign = "left";
    const title = which === "visits" ? "visits per cell (log scale)"
      : (state.info && !state.info.hasValues ? "this agent does not expose Q-values" : "max\u2090 Q(s, a), reward units");
    ctx.fillText(title, 10, 8);
    if (range && range[1] === range[0]) {
      ctx.fillText("all cells equal: " + Lab.fmt(which === "visits" ? Math.round(Math.pow(10, range[0]) - 1) : range[0], 3),
        10, 40);
    } else if (range) {
      const lo = which === "visits" ? Math.round(Math.pow(10, range[0]) - 1) : range[0];
      const hi = which === "visits" ? Math.round(Math.pow(10, range[1]) - 1) : range[1];
      ctx.fillText(Lab.fmt(lo, 3), 10, 40);
      ctx.textAlign = "right";
      ctx.fillText(Lab.fmt(hi, 3), 10 + barW, 40);
    }
    const items = [["wall", COLORS.wall], ["goal", COLORS.goal], ["hole", COLORS.hole], ["cliff", COLORS.cliff],
      ["agent", COLORS.agent], ["last path", COLORS.path]];
    let x = 10, y = 56;
    if (width >= 420) { x = barW + 30; y = 12; }
    ctx.textAlign = "left";
    for (const [name, color] of items) {
      const w = ctx.measureText(name).width + 26;
      if (x + w > width) { x = width >= 420 ? barW + 30 : 10; y += 18; }
      ctx.fillStyle = color;
      if (name === "agent") { ctx.beginPath(); ctx.arc(x + 6, y, 6, 0, 2 * Math.PI); ctx.fill(); }
      else if (name === "last path") { ctx.fillRect(x, y - 2, 14, 4); }
      else ctx.fillRect(x, y - 6, 12, 12);
      ctx.fillStyle = "#1d2330";
      ctx.fillText(name, x + 18, y);
      x += w;
    }
  }

  // ---- chart ----
  function plot() {
    const metric = $("grid-chart-metric").value;
    const ys = metric === "returns" ? state.returns : state.lengths;
    const xs = ys.map((_, i) => i + 1);
    $("grid-chart-title").textContent = metric === "returns" ? "Return per episode" : "Length per episode";
    const label = metric === "returns" ? "return (reward units)" : "length (steps)";
    const width = Math.max(280, $("grid-chart").clientWidth);
    if (!chart || chart._metric !== metric || chart.width !== width) {
      if (chart) chart.destroy();
      chart = new uPlot({
        width, height: 220,
        scales: { x: { time: false } },
        axes: [{ label: "episode" }, { label, size: 60 }],
        series: [{ label: "episode" }, { label, stroke: "#c0392b", width: 1.5, points: { show: false } }],
        legend: { show: true },
      }, [xs, ys], $("grid-chart"));
      chart._metric = metric;
    } else {
      chart.setData([xs, ys]);
    }
  }

  // ---- wiring ----
  async function init() {
    showT();
    showSpeed();
    try {
      const options = await Lab.get(API + "/options");
      for (const m of options.maps) $("grid-map").add(new Option(m === "deep-sea-N" ? "deep-sea-N (bsuite)" : m, m));
      for (const a of options.agents) $("grid-agent").add(new Option(a, a));
      $("grid-map").value = options.maps.includes("four-rooms") ? "four-rooms" : options.maps[0];
      $("grid-agent").value = options.agents.includes("q-learning") ? "q-learning" : options.agents[0];
    } catch (e) {
      error(e.message);
      return;
    }
    $("grid-map").addEventListener("change", () => {
      $("grid-size-field").hidden = $("grid-map").value !== "deep-sea-N";
      reset();
    });
    for (const id of ["grid-size", "grid-agent", "grid-alpha", "grid-gamma", "grid-initial", "grid-seed"]) {
      $(id).addEventListener("change", reset);
    }
    $("grid-env").addEventListener("change", reset);
    $("grid-temp-slider").addEventListener("input", setTemperature);
    $("grid-speed").addEventListener("input", showSpeed);
    $("grid-run").addEventListener("click", run);
    $("grid-pause").addEventListener("click", pause);
    $("grid-step").addEventListener("click", () => advance({ steps: 1 }));
    $("grid-episode").addEventListener("click", () => advance({ episodes: 1 }));
    $("grid-reset").addEventListener("click", reset);
    for (const id of ["grid-layer-q", "grid-layer-visits", "grid-arrows", "grid-path"]) {
      $(id).addEventListener("change", draw);
    }
    $("grid-chart-metric").addEventListener("change", plot);
    window.addEventListener("resize", () => { draw(); plot(); });
    window.addEventListener("pagehide", () => {
      if (state.id) {
        fetch(API + "/close", { method: "POST", keepalive: true, credentials: "same-origin",
          headers: { "Content-Type": "application/json" }, body: JSON.stringify({ id: state.id }) }).catch(() => {});
      }
    });
    const link = fromHash();
    await reset();
    if (link.episodes > 0 && state.id) {
      for (let left = link.episodes; left > 0; left -= 1000) await advance({ episodes: Math.min(1000, left) });
    }
  }

  // A link may set the start: #map=four-rooms&agent=sarsa&slider=80&episodes=50&layer=visits
  function fromHash() {
    const h = new URLSearchParams(location.hash.slice(1));
    const pick = (id, v) => { if (v !== null && [...$(id).options].some((o) => o.value === v)) $(id).value = v; };
    pick("grid-map", h.get("map"));
    pick("grid-agent", h.get("agent"));
    $("grid-size-field").hidden = $("grid-map").value !== "deep-sea-N";
    if (h.get("slider") !== null) { $("grid-temp-slider").value = h.get("slider"); showT(); }
    if (h.get("layer") === "visits") $("grid-layer-visits").checked = true;
    return { episodes: Math.max(0, Math.min(100000, Number(h.get("episodes")) || 0)) };
  }
  document.addEventListener("DOMContentLoaded", init);
})();
