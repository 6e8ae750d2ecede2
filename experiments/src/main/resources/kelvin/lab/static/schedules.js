// Schedule explorer. The forms are built from GET /api/schedules/components (the schedules'
// declarations in the lab's registry, plug-ins included); the temperatures come from
// POST /api/schedules/trace (kelvin schedule's replay). Stable ids for browser tests:
//   #sc-picker      the schedule to add (select of the registry's schedule names)
//   #sc-add         adds a card for the picked schedule
//   #sc-chart       the chart container (uPlot); #sc-logy the log T axis checkbox
//   #sc-env, #sc-seed, #sc-horizon   the environment, seed and horizon (steps)
//   #sc-list        the cards; each .sc-card has data-index=i and data-schedule=NAME, a label field
//                   input[name="label"], one input or select per key with name=KEY (group keys
//                   GROUP.KEY), and .error holding the loader's one-line message for that schedule
//   #sc-error       a message about the settings; body[data-state] "busy" or "ready"
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const COLORS = ["#c0392b", "#2c7fb8", "#1e7e4a", "#8e44ad", "#d68910", "#17a2b8", "#7f8c8d", "#e84393",
    "#2d3436", "#6c5ce7", "#00b894", "#a0522d"];
  /**
   * What the page shows first, when the registry has them: two schedules of
   * examples/annealing-shootout-testbed.yaml with its values. Any other schedule starts from its
   * declaration's defaults.
   */
  const FIRST = {
    exponential: { initial: "1.0", decay: "0.995", min: "0.01" },
    "simulated-annealing": { initial: "1.0", cooling: "0.8", plateau: "50", min: "0.01",
      "reheat.patience": "200", "reheat.to": "0.3" },
  };
  let components = null;
  let cards = [];
  let chart = null;
  let lastAnswer = null;
  let inFlight = false;
  let queued = false;
  let timer = null;

  function uniqueLabel(name) {
    const used = new Set(cards.map((c) => c.label.value));
    if (!used.has(name)) return name;
    for (let i = 2; ; i++) if (!used.has(name + "-" + i)) return name + "-" + i;
  }

  function field(key, prefix, container) {
    const div = document.createElement("div");
    div.className = "field";
    const id = "sc-f-" + Math.random().toString(36).slice(2, 10);
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = key.name + (key.required ? " *" : "");
    let input;
    if (key.input === "choice") {
      input = document.createElement("select");
      if (!key.required) input.appendChild(new Option("(default)", ""));
      for (const c of key.choices) input.appendChild(new Option(c, c));
      input.value = key.value || "";
    } else {
      input = document.createElement("input");
      input.type = "text";
      input.value = key.value || "";
      input.placeholder = key.required ? "required" : key.default;
      input.spellcheck = false;
    }
    input.id = id;
    input.name = prefix + key.name;
    const hint = document.createElement("span");
    hint.className = "hint";
    hint.textContent = key.doc + " (" + key.allowed + "; " + key.default + ")";
    div.append(label, input, hint);
    container.appendChild(div);
    input.addEventListener("input", soon);
  }

  function addCard(name) {
    const decl = components.schedules.find((s) => s.name === name);
    if (!decl) return;
    const card = document.createElement("section");
    card.className = "panel sc-card";
    card.dataset.schedule = name;
    const head = document.createElement("header");
    const type = document.createElement("span");
    type.className = "sc-type";
    type.textContent = name + (decl.plugin ? " (plug-in)" : "");
    const label = document.createElement("input");
    label.type = "text";
    label.name = "label";
    label.title = "label: the agent's name in the config, which also seeds its stream";
    label.value = uniqueLabel(name);
    label.addEventListener("input", soon);
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "secondary";
    remove.textContent = "Remove";
    head.append(label, remove);
    const summary = document.createElement("p");
    summary.className = "sc-summary";
    summary.append(type, document.createTextNode(": " + decl.summary + (decl.source ? ". " + decl.source : "")));
    const body = document.createElement("div");
    for (const key of decl.keys) {
      if (key.input === "group") {
        const fs = document.createElement("fieldset");
        const lg = document.createElement("legend");
        lg.textContent = key.name + (key.required ? " *" : " (optional: leave empty for none)");
        fs.appendChild(lg);
        const doc = document.createElement("p");
        doc.className = "hint muted";
        doc.textContent = key.doc;
        fs.appendChild(doc);
        for (const sub of key.keys) field(sub, key.name + ".", fs);
        body.appendChild(fs);
      } else {
        field(key, "", body);
      }
    }
    const error = document.createElement("div");
    error.className = "error";
    card.append(head, summary, body, error);
    const entry = { card, label, error, decl };
    remove.addEventListener("click", () => {
      cards = cards.filter((c) => c !== entry);
      card.remove();
      renumber();
      update();
    });
    cards.push(entry);
    $("sc-list").appendChild(card);
    renumber();
    return card;
  }

  function renumber() {
    cards.forEach((c, i) => {
      c.card.dataset.index = String(i);
      c.card.style.setProperty("--swatch", COLORS[i % COLORS.length]);
    });
  }

  function request() {
    const schedules = cards.map((c) => {
      const keys = {};
      for (const el of c.card.querySelectorAll("input[name], select[name]")) {
        if (el.name === "label") continue;
        const dot = el.name.indexOf(".");
        if (dot > 0) {
          const g = el.name.slice(0, dot);
          keys[g] = keys[g] || {};
          keys[g][el.name.slice(dot + 1)] = el.value;
        } else {
          keys[el.name] = el.value;
        }
      }
      return { label: c.label.value, schedule: c.decl.name, keys };
    });
    return { env: $("sc-env").value, seed: $("sc-seed").value, horizon: $("sc-horizon").value, schedules };
  }

  function soon() {
    clearTimeout(timer);
    timer = setTimeout(update, 120);
  }

  /** Sends the forms; while a request is in flight, later changes wait and go as one. */
  function update() {
    if (inFlight) { queued = true; return; }
    inFlight = true;
    queued = false;
    document.body.dataset.state = "busy";
    const sent = cards.slice();
    Lab.post("/api/schedules/trace", request())
      .then((r) => { $("sc-error").textContent = ""; document.body.classList.remove("sc-stale"); render(r, sent); })
      .catch((e) => {
        // the chart still shows the last accepted settings: dim it until they are fixed
        $("sc-error").textContent = e.message;
        document.body.classList.add("sc-stale");
      })
      .finally(() => {
        inFlight = false;
        if (queued) update(); else document.body.dataset.state = "ready";
      });
  }

  function num(x) {
    if (typeof x === "number") return x;
    if (x === "Infinity" || x === "inf") return Infinity;
    return NaN;
  }

  function render(r, sent) {
    lastAnswer = { r, sent };
    const logy = $("sc-logy").checked;
    const xs = r.t;
    const data = [xs];
    const series = [{ label: "t (steps)", value: (u, v) => v == null ? "\u2013" : String(v) }];
    let hidden = 0;
    r.series.forEach((s, i) => {
      const c = sent[i];
      if (!c) return;
      c.error.textContent = s.error || "";
      for (const f of c.card.querySelectorAll(".field")) f.classList.remove("bad");
      if (s.error && s.key) {
        const el = c.card.querySelector("[name=\"" + CSS.escape(s.key) + "\"]");
        if (el) el.closest(".field").classList.add("bad");
      }
      if (!s.temperatures) return;
      const ys = s.temperatures.map(num).map((v) => {
        if (!Number.isFinite(v) || (logy && v <= 0)) { hidden++; return null; }
        return v;
      });
      data.push(ys);
      const color = COLORS[i % COLORS.length];
      series.push({ label: s.label, stroke: color, width: 2,
        value: (u, v) => v == null ? "\u2013" : Lab.fmt(v, 5) });
    });
    $("sc-note").textContent = hidden > 0 ? "Points with T = 0 (on the log axis) or T = \u221e are not drawn." : "";
    drawChart(data, series, logy);
  }

  function drawChart(data, series, logy) {
    const el = $("sc-chart");
    if (chart) chart.destroy();
    const width = Math.max(260, el.clientWidth);
    el.dataset.width = String(width);
    chart = new uPlot({
      width, height: width < 500 ? 260 : 360,
      scales: { x: { time: false }, y: logy ? { distr: 3 } : { range: (u, a, b) => [0, (b > 0 ? b : 1) * 1.05] } },
      axes: [{ label: "step t" }, { label: "T (reward units)", size: 60 }],
      series,
      legend: { live: true },
    }, data, el);
  }

  async function start() {
    components = await Lab.get("/api/schedules/components");
    const env = $("sc-env");
    for (const name of components.environments) env.appendChild(new Option(name, name));
    const picker = $("sc-picker");
    for (const s of components.schedules) {
      picker.appendChild(new Option(s.name + (s.plugin ? " (plug-in)" : "") + ": " + s.summary, s.name));
    }
    const first = Object.keys(FIRST).filter((n) => components.schedules.some((s) => s.name === n));
    if (first.length === 0 && components.schedules.length > 0) first.push(components.schedules[0].name);
    for (const n of first) {
      const card = addCard(n);
      for (const [key, value] of Object.entries(FIRST[n] || {})) {
        const el = card.querySelector("[name=\"" + key + "\"]");
        if (el) el.value = value;
      }
    }
    $("sc-add").addEventListener("click", () => { addCard(picker.value); update(); });
    for (const id of ["sc-env", "sc-seed", "sc-horizon"]) $(id).addEventListener("input", soon);
    $("sc-logy").addEventListener("change", () => { if (lastAnswer) render(lastAnswer.r, lastAnswer.sent); });
    // redraw when the chart's width changes (a rotated phone, a resized window)
    let width = $("sc-chart").clientWidth;
    new ResizeObserver(() => {
      const w = $("sc-chart").clientWidth;
      if (w !== width && lastAnswer) { width = w; render(lastAnswer.r, lastAnswer.sent); }
    }).observe($("sc-chart"));
    update();
  }

  document.addEventListener("DOMContentLoaded", () => {
    start().catch((e) => { $("sc-error").textContent = e.message; });
  });
})();
