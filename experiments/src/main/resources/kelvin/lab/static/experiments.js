// Kelvin lab, experiments page: a config editor validated by the server as `kelvin validate` does,
// a run streamed by server-sent events, and the earlier results folders.
//
// Stable element ids (for browser tests):
//   #exp-config            the config textarea
//   #exp-gutter            its line numbers; the line of a validation error has class "error-line"
//                          and data-line="N"
//   #exp-validation        the validation message (class "ok" or "bad")
//   #exp-file, #exp-load   pick a config of the lab's folder (or the starter) and load it
//   #exp-folder            the results folder (empty: results/NAME)
//   #exp-run, #exp-cancel  run and cancel; #exp-replace and #exp-resume appear when the folder holds results
//   #exp-run-message       why a run was refused or failed
//   #exp-progress          the progress bar; #exp-progress-text its words (runs, variants, elapsed time)
//   #exp-result            the results folder when a run is done (a link to its report.html)
//   #exp-metric, #exp-chart  the metric picker and the chart container
//   #exp-results           the table of results folders (rows have data-folder; buttons "Open")
//   #exp-compare-a, #exp-compare-a-variant, #exp-compare-b, #exp-compare-b-variant, #exp-compare,
//   #exp-compare-table, #exp-compare-notes, #exp-compare-message   the comparison
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const API = "/api/experiments";
  const COLORS = ["#2f6fdf", "#d9534f", "#2e9d57", "#9b59b6", "#e08e0b", "#17a2b8", "#8c564b", "#e377c2",
    "#7f7f7f", "#bcbd22"];
  const STARTER = "";
  const editor = $("exp-config");
  const gutter = $("exp-gutter");
  let configName = "config.yaml";
  let validateTimer = null;
  let validation = 0;
  let errorLine = 0;
  let stream = null;
  let plot = null;
  // What the chart shows: axes (metrics, t, variants, unit) and the curves of each variant by index.
  let view = null;

  // ---- editor -------------------------------------------------------------------------------
  function renderGutter() {
    const lines = editor.value.split("\n").length;
    if (gutter.childElementCount !== lines) {
      const frag = document.createDocumentFragment();
      for (let i = 1; i <= lines; i++) {
        const d = document.createElement("div");
        d.textContent = i;
        d.dataset.line = i;
        frag.appendChild(d);
      }
      gutter.replaceChildren(frag);
    }
    for (const d of gutter.querySelectorAll(".error-line")) d.classList.remove("error-line");
    if (errorLine > 0 && errorLine <= lines) {
      const d = gutter.children[errorLine - 1];
      d.classList.add("error-line");
      d.title = $("exp-validation").textContent;
    }
    gutter.scrollTop = editor.scrollTop;
  }

  function showValidation(v) {
    const el = $("exp-validation");
    el.textContent = v.message;
    el.className = "exp-validation mono " + (v.ok ? "ok" : "bad");
    errorLine = v.ok ? 0 : v.line || 0;
    renderGutter();
    $("exp-folder").placeholder = v.ok ? "results/" + v.name : "results/NAME";
  }

  async function validate() {
    const id = ++validation;
    try {
      const v = await Lab.post(API + "/validate", { text: editor.value, name: configName });
      if (id === validation) showValidation(v);
    } catch (e) {
      if (id === validation) showValidation({ ok: false, message: e.message, line: 0 });
    }
  }

  function edited() {
    renderGutter();
    clearTimeout(validateTimer);
    validateTimer = setTimeout(validate, 300);
  }

  function setText(name, text) {
    configName = name;
    editor.value = text;
    editor.scrollTop = 0;
    edited();
  }

  async function loadFiles() {
    const select = $("exp-file");
    const list = await Lab.get(API + "/configs");
    const options = [new Option("Starter: the quickstart example", STARTER)];
    for (const p of list.configs) options.push(new Option(p, p));
    select.replaceChildren(...options);
  }

  async function loadSelected() {
    const path = $("exp-file").value;
    try {
      const c = path === STARTER ? await Lab.get(API + "/starter") : await Lab.get(API + "/config", { path });
      setText(c.name, c.text);
    } catch (e) {
      showValidation({ ok: false, message: e.message, line: 0 });
    }
  }

  // ---- chart --------------------------------------------------------------------------------
  function metricInfo() {
    const key = $("exp-metric").value;
    return view.axes.metrics.find((m) => m.key === key) || view.axes.metrics[0];
  }

  function setAxes(axes, title) {
    view = { axes, cells: new Map() };
    $("exp-chart-title").textContent = title;
    const select = $("exp-metric");
    const keep = select.value;
    select.replaceChildren(...axes.metrics.map((m) => new Option(m.title + " (" + m.key + ")", m.key)));
    if (axes.metrics.some((m) => m.key === keep)) select.value = keep;
    draw();
  }

  function addCell(cell) {
    if (!view) return;
    view.cells.set(cell.index, cell);
    draw();
  }

  function draw() {
    const box = $("exp-chart");
    if (plot) { plot.destroy(); plot = null; }
    box.replaceChildren();
    $("exp-metric-row").hidden = !view || view.axes.metrics.length === 0;
    if (!view || view.axes.metrics.length === 0) return;
    const m = metricInfo();
    const t = Array.from(view.axes.t);
    const data = [t];
    const series = [{ label: view.axes.unit }];
    const bands = [];
    const bandSeries = [];
    view.axes.variants.forEach((label, i) => {
      const cell = view.cells.get(i);
      const c = cell ? cell.curves[m.key] : null;
      const color = COLORS[i % COLORS.length];
      const at = data.length;
      data.push(c ? c.mean : t.map(() => null), c ? c.high : t.map(() => null), c ? c.low : t.map(() => null));
      series.push({ label: cell ? label : label + " (not finished)", stroke: color, width: 2,
        value: (u, v) => Lab.fmt(v) });
      series.push({ label: label + " 95% high", stroke: "transparent", width: 0, points: { show: false } });
      series.push({ label: label + " 95% low", stroke: "transparent", width: 0, points: { show: false } });
      bands.push({ series: [at + 1, at + 2], fill: color + "26" });
      bandSeries.push(at + 1, at + 2);
    });
    const width = Math.max(260, box.clientWidth || 600);
    const opts = {
      width, height: Math.round(Math.min(360, Math.max(240, width * 0.55))),
      scales: { x: { time: false }, y: m.log ? { distr: 3 } : {} },
      axes: [
        { label: view.axes.unit === "episode" ? "episode" : "step (t)" },
        { label: m.axis, size: 60 },
      ],
      series, bands,
      legend: { live: true },
    };
    plot = new uPlot(opts, data, box);
    const rows = box.querySelectorAll(".u-legend .u-series");
    for (const i of bandSeries) if (rows[i]) rows[i].style.display = "none";
  }

  // ---- run ----------------------------------------------------------------------------------
  function clock(seconds) {
    const s = Math.round(seconds);
    return s < 60 ? s + " s" : Math.floor(s / 60) + " min " + (s % 60) + " s";
  }

  function showProgress(s) {
    const bar = $("exp-progress");
    bar.max = Math.max(1, s.runsTotal || 1);
    bar.value = s.state === "done" ? bar.max : s.runsDone || 0;
    const parts = [];
    if (s.runsTotal) parts.push((s.runsDone || 0).toLocaleString("en") + " of " + s.runsTotal.toLocaleString("en") + " runs");
    if (s.cellsTotal !== undefined) parts.push(s.cellsDone + " of " + s.cellsTotal + " variants done");
    parts.push(clock(s.seconds || 0) + " elapsed");
    const state = { running: "Running", done: "Done", cancelled: "Cancelled", failed: "Failed" }[s.state] || s.state;
    $("exp-progress-text").textContent = state + ": " + parts.join(", ");
    const running = s.state === "running";
    $("exp-run").disabled = running;
    $("exp-cancel").disabled = !running;
    const result = $("exp-result");
    result.replaceChildren();
    if (s.state === "done") {
      result.append("Results folder: ");
      const code = document.createElement("code");
      code.textContent = s.folder;
      result.append(code, " ");
      const a = document.createElement("a");
      a.href = "/files/" + s.folder.split("/").map(encodeURIComponent).join("/") + "/report.html";
      a.target = "_blank";
      a.rel = "noopener";
      a.id = "exp-report";
      a.textContent = "open report.html";
      result.append(a);
    } else if (s.state === "cancelled") {
      result.textContent = s.message;
      $("exp-folder").value = s.folder;
      $("exp-resume").hidden = false;
    } else if (s.state === "failed") {
      $("exp-run-message").textContent = s.message;
    }
  }

  function follow() {
    if (stream) stream.close();
    stream = Lab.events(API + "/events", {
      start: (s) => {
        if (s.axes) setAxes(s.axes, "Run: " + s.name + " \u2192 " + s.folder);
        else { view = null; draw(); $("exp-chart-title").textContent = "Run: suite " + s.name + " \u2192 " + s.folder; }
        showProgress(s);
      },
      progress: showProgress,
      cell: addCell,
      end: (s) => {
        stream.close();
        stream = null;
        showProgress(s);
        loadResults();
      },
      idle: () => { stream.close(); stream = null; },
    });
  }

  async function run(mode) {
    $("exp-run-message").textContent = "";
    $("exp-replace").hidden = true;
    $("exp-resume").hidden = true;
    try {
      await Lab.post(API + "/run", { text: editor.value, name: configName, folder: $("exp-folder").value, mode });
      $("exp-result").textContent = "";
      follow();
    } catch (e) {
      $("exp-run-message").textContent = e.message;
      if (e.message.includes("holds results already")) {
        $("exp-replace").hidden = false;
        $("exp-resume").hidden = false;
      }
    }
  }

  async function cancel() {
    $("exp-cancel").disabled = true;
    try {
      await Lab.post(API + "/cancel", {});
    } catch (e) {
      $("exp-run-message").textContent = e.message;
    }
  }

  // ---- results folders ----------------------------------------------------------------------
  let folders = [];

  async function loadResults() {
    const list = await Lab.get(API + "/results");
    folders = list.results;
    const body = $("exp-results").tBodies[0];
    body.replaceChildren();
    if (folders.length === 0) {
      const tr = body.insertRow();
      const td = tr.insertCell();
      td.colSpan = 5;
      td.className = "text muted";
      td.textContent = "No results folders yet.";
    }
    for (const f of folders) {
      const tr = body.insertRow();
      tr.dataset.folder = f.folder;
      for (const text of [f.name, f.folder, f.variants.join(", "), f.finished.replace("T", " ").replace("Z", "")]) {
        const td = tr.insertCell();
        td.className = "text";
        td.textContent = text;
      }
      const td = tr.insertCell();
      td.className = "text";
      if (f.curves) {
        const b = document.createElement("button");
        b.type = "button";
        b.className = "secondary";
        b.textContent = "Open";
        b.addEventListener("click", () => openFolder(f.folder));
        td.append(b, " ");
      }
      if (f.report) {
        const a = document.createElement("a");
        a.href = "/files/" + f.folder.split("/").map(encodeURIComponent).join("/") + "/report.html";
        a.target = "_blank";
        a.rel = "noopener";
        a.textContent = "report";
        td.append(a);
      }
    }
    for (const side of ["a", "b"]) {
      const select = $("exp-compare-" + side);
      const keep = select.value;
      select.replaceChildren(...folders.map((f) => new Option(f.folder, f.folder)));
      if (folders.some((f) => f.folder === keep)) select.value = keep;
      else if (side === "b" && folders.length > 1) select.selectedIndex = 1;
      variantsOf(side);
    }
  }

  function variantsOf(side) {
    const f = folders.find((x) => x.folder === $("exp-compare-" + side).value);
    const select = $("exp-compare-" + side + "-variant");
    select.replaceChildren(new Option("all (paired by name)", ""),
      ...(f ? f.variants.map((v) => new Option(v, v)) : []));
  }

  async function openFolder(folder) {
    try {
      const c = await Lab.get(API + "/curves", { folder });
      setAxes(c, "Results: " + c.name + " (" + c.folder + ")");
      for (const cell of c.cells) view.cells.set(cell.index, cell);
      draw();
      $("exp-chart").scrollIntoView({ behavior: "smooth", block: "nearest" });
    } catch (e) {
      $("exp-compare-message").textContent = e.message;
    }
  }

  async function compare() {
    const table = $("exp-compare-table");
    $("exp-compare-message").textContent = "";
    $("exp-compare-notes").textContent = "";
    table.replaceChildren();
    try {
      const r = await Lab.post(API + "/compare", {
        a: $("exp-compare-a").value, variantA: $("exp-compare-a-variant").value,
        b: $("exp-compare-b").value, variantB: $("exp-compare-b-variant").value,
      });
      renderComparison(table, r);
    } catch (e) {
      $("exp-compare-message").textContent = e.message;
    }
  }

  function renderComparison(table, r) {
    const rows = r.comparisons || [];
    if (rows.length === 0) {
      $("exp-compare-message").textContent = "Nothing to compare: "
        + ((r.notes || []).map((n) => n.reason || JSON.stringify(n)).join("; ") || "no metric both record");
      return;
    }
    const columns = [["variant_a", "A"], ["variant_b", "B"], ["metric", "metric"], ["t", "t"],
      ["better", "better"], ["test", "test"], ["mean_a", "mean A"], ["mean_b", "mean B"],
      ["difference", "B \u2212 A"], ["ci95_low", "95% low"], ["ci95_high", "95% high"], ["p_holm", "p (Holm)"],
      ["verdict", "verdict"]].filter(([k]) => k in rows[0]);
    const head = table.createTHead().insertRow();
    for (const [k, label] of columns) {
      const th = document.createElement("th");
      th.textContent = label;
      if (typeof rows[0][k] !== "number") th.className = "text";
      head.appendChild(th);
    }
    const body = table.createTBody();
    for (const row of rows) {
      const tr = body.insertRow();
      for (const [k] of columns) {
        const td = tr.insertCell();
        const v = row[k];
        // a p-value too small to print is written as a bound, as a statistics table does
        td.textContent = k === "p_holm" && typeof v === "number" && v < 1e-4 ? "< 0.0001"
          : typeof v === "number" ? Lab.fmt(v) : v === null || v === undefined ? "\u2013" : String(v);
        if (typeof v !== "number") td.className = "text";
        if (k === "verdict") td.classList.add("exp-verdict");
      }
    }
    const reasons = [...new Set(rows.map((r) => r.paired_reason).filter(Boolean))];
    const notes = (r.notes || []).map((n) => n.reason || n.skipped || JSON.stringify(n));
    $("exp-compare-notes").textContent = [...reasons.map((x) => "Paired test: " + x + "."), ...notes].join(" ");
  }

  /**
   * Tab indents by two spaces (YAML allows no tab characters); Shift+Tab, or Tab right after
   * Escape, leaves the editor as everywhere else, so the keyboard never gets stuck in it.
   */
  let escaped = false;
  function indent(e) {
    if (e.key === "Escape") { escaped = true; return; }
    const leave = escaped;
    escaped = false;
    if (e.key !== "Tab" || e.shiftKey || e.ctrlKey || e.altKey || e.metaKey || leave) return;
    e.preventDefault();
    editor.setRangeText("  ", editor.selectionStart, editor.selectionEnd, "end");
    editor.dispatchEvent(new Event("input"));
  }

  // ---- start --------------------------------------------------------------------------------
  document.addEventListener("DOMContentLoaded", async () => {
    editor.addEventListener("input", edited);
    editor.addEventListener("keydown", indent);
    editor.addEventListener("scroll", () => { gutter.scrollTop = editor.scrollTop; });
    $("exp-load").addEventListener("click", loadSelected);
    $("exp-run").addEventListener("click", () => run("new"));
    $("exp-replace").addEventListener("click", () => run("replace"));
    $("exp-resume").addEventListener("click", () => run("resume"));
    $("exp-cancel").addEventListener("click", cancel);
    $("exp-metric").addEventListener("change", draw);
    $("exp-compare").addEventListener("click", compare);
    $("exp-compare-a").addEventListener("change", () => variantsOf("a"));
    $("exp-compare-b").addEventListener("change", () => variantsOf("b"));
    let resizeTimer = null;
    window.addEventListener("resize", () => { clearTimeout(resizeTimer); resizeTimer = setTimeout(draw, 150); });
    const empty = document.createElement("p");
    empty.className = "empty";
    empty.textContent = "Run the config, or open a results folder below, to see its curves.";
    $("exp-chart").append(empty);
    await loadFiles();
    await loadSelected();
    loadResults();
    const s = await Lab.get(API + "/status");
    if (s.state !== "idle") follow();
  });
})();
