// actorgraph's explorer: the graph of one export (the JSON in #graph-data, written by
// src/export/html.rs) drawn with Cytoscape.js, with a time slider, filters, an ego focus, name
// search, details, town-control lanes and a pair's history strip. Everything the page reasons
// with (days of certain and possible holding, written dates, name keys, the folding table) is
// computed by actorgraph; this script only looks up and draws.
"use strict";

const DATA = JSON.parse(document.getElementById("graph-data").textContent);
const DAY_MS = 86400000;

// ---- Time: days since 1970-01-01, as actorgraph's Day counts them.

/** `2012-05-01` of a day number. */
function isoDay(day) {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The day number of `2012-05-01`. */
function dayOf(iso) {
  return Math.round(Date.parse(iso + "T00:00:00Z") / DAY_MS);
}

/** How a relation stands on `day`: "certain", "possible" or null (from the bounds actorgraph
 * computed: possible = [earliest start, latest end], certain = [latest start, earliest end]). */
function standing(relation, day) {
  const within = (range) => range && (range[0] === null || range[0] <= day) && (range[1] === null || day <= range[1]);
  if (!within(relation.possible)) return null;
  return within(relation.certain) ? "certain" : "possible";
}

/** True when the dates say nothing (no start, no end): possible every day. */
function undated(relation) {
  return relation.possible[0] === null && relation.possible[1] === null;
}

// ---- Search: the command line's folding, by table (see src/export/html/search.rs).

/** The folded piece of code point `code`: letters and spaces, "" or null (a foreign letter). */
function pieceOf(code) {
  const starts = DATA.fold.starts;
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= code) lo = mid; else hi = mid - 1;
  }
  const piece = DATA.fold.pieces[lo];
  return piece === 0 ? "\uFFFD" : piece;
}

/** `normalize` of names/normalize.rs: pieces in order, separators collapsed to one space
 * between letters. */
function normalize(text) {
  let out = "", pending = false, started = false;
  for (const ch of text) {
    for (const p of pieceOf(ch.codePointAt(0))) {
      if (p === " ") {
        if (started) pending = true;
      } else {
        if (pending) out += " ";
        pending = false;
        started = true;
        out += p;
      }
    }
  }
  return out;
}

/** `key` of names/normalize.rs: normalized, the definite article removed from each word that
 * keeps at least two letters after it. */
function foldKey(text) {
  return normalize(text).split(" ").map((word) => {
    for (const article of DATA.fold.articles) {
      if (word.startsWith(article) && [...word.slice(article.length)].length >= 2) {
        return word.slice(article.length);
      }
    }
    return word;
  }).join(" ");
}

/** The entities a query names, best first: a name whose key is the query's key, then names
 * whose words begin with the query's words in order (as one types). */
function searchEntities(query) {
  const k = foldKey(query);
  if (!k) return [];
  const words = k.split(" ");
  const scored = [];
  DATA.entities.forEach((entity, index) => {
    if (!entity.drawn) return;
    let best = 0;
    for (const key of entity.keys) {
      if (key === k) best = Math.max(best, 3);
      else if (key.startsWith(k)) best = Math.max(best, 2);
      else if (wordsBegin(key.split(" "), words)) best = Math.max(best, 1);
    }
    if (best) scored.push([best, index]);
  });
  scored.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  return scored.map((s) => s[1]);
}

/** True when `query` words begin consecutive words of `name`. */
function wordsBegin(name, query) {
  for (let i = 0; i + query.length <= name.length; i++) {
    if (query.every((w, j) => name[i + j].startsWith(w))) return true;
  }
  return false;
}

// ---- Words and names in the chosen language.

const state = {
  lang: DATA.lang, day: DATA.span[0], allTime: false, timeless: false,
  kinds: new Set(), statuses: new Set(), entityKinds: new Set(),
  focus: null, depth: 1, selected: null, pair: [null, null], tab: "lanes", playing: null,
};

function t(word) {
  return (LABELS[state.lang] && LABELS[state.lang][word]) || LABELS.en[word] || word;
}

function term(name) {
  const i = { en: 0, fr: 1, ar: 2 }[state.lang];
  return TERMS[name] ? TERMS[name][i] : name.replace(/_/g, " ");
}

/** An entity's label: its name in the language (a Latin acronym such as MNLA outside Arabic). */
function nameOf(index) {
  const e = DATA.entities[index];
  if (state.lang === "ar") return e.ar;
  return e.short || e[state.lang];
}

/** The full name, for details. */
function fullName(index) {
  return DATA.entities[index][state.lang];
}

// ---- Colours: Okabe–Ito (colour-blind safe) by family of relation kind, line patterns apart.

const KIND_COLOUR = {
  conflict: "#D55E00", attack: "#B8330B", threat: "#E69F00", denunciation: "#E69F00",
  destabilisation: "#B8330B", defection: "#CC79A7",
  alliance: "#0072B2", support: "#56B4E9", agreement: "#009E73", ceasefire: "#009E73",
  negotiation: "#56B4E9", recognition: "#009E73", interview: "#999999",
  control: "#6A3D9A", presence: "#CC79A7", hiding: "#CC79A7", administration: "#6A3D9A",
  claim: "#8E6C00", declaration: "#8E6C00", goal: "#8E6C00", capital: "#8E6C00",
  part_of: "#7F7F7F", membership: "#4D4D4D", armed_force_of: "#4D4D4D", leadership: "#332288",
  borders: "#A6A6A6", overlaps: "#A6A6A6",
};
const HOLDER_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#332288", "#56B4E9", "#882255", "#8E6C00", "#4D4D4D"];
const SHAPES = {
  state: "round-rectangle", unrecognised_state: "round-rectangle", armed_group: "diamond",
  armed_force: "diamond", political_movement: "hexagon", coalition: "octagon",
  intergovernmental_organisation: "round-rectangle", person: "ellipse", people: "ellipse",
  city: "triangle", region: "round-triangle", natural_area: "round-triangle", media_outlet: "rectangle",
};
const NODE_COLOUR = { city: "#f2e6c9", region: "#efe9d9", natural_area: "#e4eedc", person: "#fde7d6", people: "#f3e1ee" };

function kindColour(kind) {
  return KIND_COLOUR[kind] || "#555555";
}

// ---- The graph.

let cy;

function elements() {
  const nodes = [];
  DATA.entities.forEach((e, i) => {
    if (e.drawn) nodes.push({ group: "nodes", data: { id: "e" + i, index: i, label: nameOf(i), kind: e.kind } });
  });
  const edges = DATA.relations.map((r, i) => ({
    group: "edges",
    data: { id: "r" + i, index: i, source: "e" + r.source, target: "e" + r.target, colour: kindColour(r.kind), label: "" },
    classes: [r.negated ? "negated" : "", r.status !== "asserted" ? "alleged" : ""].join(" ").trim(),
  }));
  return nodes.concat(edges);
}

const STYLE = [
  { selector: "node", style: {
    label: "data(label)", "font-size": 11, "text-valign": "bottom", "text-margin-y": 3,
    "text-wrap": "wrap", "text-max-width": 120, color: "#1d2330",
    "text-background-color": "#ffffff", "text-background-opacity": 0.75, "text-background-padding": 1,
    width: 22, height: 22, "background-color": "#dfe6f1", "border-width": 1.5, "border-color": "#56627a",
  } },
  ...Object.entries(SHAPES).map(([kind, shape]) => ({ selector: `node[kind = "${kind}"]`,
    style: { shape, "background-color": NODE_COLOUR[kind] || "#dfe6f1" } })),
  { selector: "node.focus", style: { "border-width": 4, "border-color": "#0b5cad", width: 30, height: 30, "font-weight": "bold" } },
  { selector: "edge", style: {
    width: 2.5, "line-color": "data(colour)", "target-arrow-color": "data(colour)",
    "target-arrow-shape": "triangle", "arrow-scale": 0.9, "curve-style": "bezier",
    label: "data(label)", "font-size": 9, color: "#444", "text-rotation": "autorotate",
    "text-background-color": "#fff", "text-background-opacity": 0.8,
  } },
  { selector: "edge.possible", style: { "line-style": "dashed", "line-dash-pattern": [6, 4], opacity: 0.75, width: 2 } },
  { selector: "edge.alleged", style: { "line-style": "dotted", width: 2 } },
  { selector: "edge.negated", style: {
    "line-color": "#b3261e", "target-arrow-shape": "tee", "target-arrow-color": "#b3261e",
    "line-style": "dotted", "mid-source-arrow-shape": "none", "source-label": "✕", "source-text-offset": 18,
    "font-size": 13, color: "#b3261e",
  } },
  { selector: "edge:selected, edge.picked", style: { width: 5, "underlay-color": "#ffd54a", "underlay-opacity": 0.6, "underlay-padding": 3 } },
  { selector: "node:selected", style: { "underlay-color": "#ffd54a", "underlay-opacity": 0.6, "underlay-padding": 5 } },
  { selector: ".hidden", style: { display: "none" } },
];

function drawGraph() {
  cy = cytoscape({
    container: document.getElementById("graph"), elements: elements(), style: STYLE,
    minZoom: 0.15, maxZoom: 4,
  });
  // Start from a circle (deterministic), then let the force layout settle once: positions
  // stay put while the slider moves, so changes read as changes.
  cy.layout({ name: "circle" }).run();
  cy.layout({ name: "cose", randomize: false, animate: false, nodeRepulsion: () => 120000,
    idealEdgeLength: () => 80, edgeElasticity: () => 100, nodeOverlap: 20, gravity: 80,
    componentSpacing: 50, numIter: 2000, initialTemp: 200, coolingFactor: 0.95, minTemp: 1.0 }).run();
  cy.on("tap", "edge", (event) => showRelation(event.target.data("index")));
  cy.on("tap", "node", (event) => showEntity(event.target.data("index")));
}

/** Relations passing the kind and status filters and holding on the day (or at all). */
function relationShown(r) {
  if (!state.kinds.has(r.kind) || !state.statuses.has(r.status)) return false;
  const e1 = DATA.entities[r.source], e2 = DATA.entities[r.target];
  if (!state.entityKinds.has(e1.kind) || !state.entityKinds.has(e2.kind)) return false;
  if (r.timeless || undated(r)) return state.timeless;
  return state.allTime || standing(r, state.day) !== null;
}

/** The relations within `depth` relations of the focused actor, among `shown`. */
function egoOf(shown) {
  const reached = new Set([state.focus]);
  let frontier = [state.focus];
  const kept = new Set();
  for (let d = 0; d < state.depth && frontier.length; d++) {
    const next = [];
    shown.forEach((i) => {
      const r = DATA.relations[i];
      for (const [a, b] of [[r.source, r.target], [r.target, r.source]]) {
        if (frontier.includes(a)) {
          kept.add(i);
          if (!reached.has(b)) { reached.add(b); next.push(b); }
        }
      }
    });
    frontier = next;
  }
  return kept;
}

/** Shows and styles every element for the current day, filters and focus. */
function refreshGraph() {
  let shown = DATA.relations.map((r, i) => i).filter((i) => relationShown(DATA.relations[i]));
  if (state.focus !== null) {
    const ego = egoOf(shown);
    shown = shown.filter((i) => ego.has(i));
  }
  const shownSet = new Set(shown);
  const ends = new Set();
  shown.forEach((i) => { ends.add(DATA.relations[i].source); ends.add(DATA.relations[i].target); });
  if (state.focus !== null) ends.add(state.focus);
  cy.batch(() => {
    cy.edges().forEach((edge) => {
      const i = edge.data("index"), r = DATA.relations[i];
      const visible = shownSet.has(i);
      edge.toggleClass("hidden", !visible);
      const possible = !state.allTime && !r.timeless && standing(r, state.day) === "possible";
      edge.toggleClass("possible", visible && (possible || undated(r) && !r.timeless));
      edge.data("label", visible && state.focus !== null ? term(r.kind) : "");
    });
    cy.nodes().forEach((node) => {
      const i = node.data("index");
      const visible = ends.has(i) || (state.focus === null && state.timeless && state.allTime &&
        state.entityKinds.has(DATA.entities[i].kind));
      node.toggleClass("hidden", !visible);
      node.toggleClass("focus", i === state.focus);
      node.data("label", nameOf(i));
    });
  });
  document.getElementById("day-label").title = shown.length + " " + t("visible");
}

// ---- Controls.

function buildFilters() {
  const count = (list, f) => list.reduce((m, x) => m.set(f(x), (m.get(f(x)) || 0) + 1), new Map());
  const kinds = count(DATA.relations, (r) => r.kind);
  const statuses = count(DATA.relations, (r) => r.status);
  const entityKinds = count(DATA.entities.filter((e) => e.drawn), (e) => e.kind);
  fillFilter("filter-kinds", kinds, state.kinds, (k) => `<span class="swatch" style="border-color:${kindColour(k)}"></span>`);
  fillFilter("filter-statuses", statuses, state.statuses, () => "");
  fillFilter("filter-entities", entityKinds, state.entityKinds, () => "");
}

function fillFilter(id, counts, chosen, swatch) {
  const box = document.getElementById(id);
  box.textContent = "";
  [...counts.keys()].sort().forEach((name) => {
    chosen.add(name);
    const label = document.createElement("label");
    label.innerHTML = `<input type="checkbox" checked> ${swatch(name)}<span data-term="${name}"></span><span class="count">${counts.get(name)}</span>`;
    label.querySelector("input").addEventListener("change", (event) => {
      if (event.target.checked) chosen.add(name); else chosen.delete(name);
      refresh();
    });
    box.appendChild(label);
  });
}

function buildLegend() {
  const line = (dash, colour, mark) => `<svg width="44" height="12" aria-hidden="true"><line x1="2" y1="6" x2="42" y2="6" stroke="${colour}" stroke-width="2.5" stroke-dasharray="${dash}"/>${mark ? `<text x="10" y="10" fill="${colour}" font-size="11">✕</text>` : ""}</svg>`;
  document.getElementById("legend").innerHTML = [
    [line("", "#0072B2"), "certain"], [line("6 4", "#0072B2"), "possible"],
    [line("2 3", "#0072B2"), "alleged"], [line("2 3", "#b3261e", true), "negated"],
  ].map(([svg, word]) => `<li>${svg}<span data-i18n="${word}"></span></li>`).join("");
}

function setLanguage(lang) {
  state.lang = lang;
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === "ar" ? "rtl" : "ltr";
  document.querySelectorAll("[data-i18n]").forEach((el) => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll("[data-i18n-title]").forEach((el) => { el.title = t(el.dataset.i18nTitle); });
  document.querySelectorAll("[data-i18n-placeholder]").forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  document.querySelectorAll("[data-term]").forEach((el) => { el.textContent = term(el.dataset.term); });
  document.querySelectorAll("#languages button").forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.lang === lang)));
  document.getElementById("focus-name").textContent = state.focus === null ? t("noFocus") : fullName(state.focus);
  fillPairPickers();
  const search = document.getElementById("search");
  if (search.value) runSearch({ target: search });
  if (cy) refresh();
  if (state.selected) state.selected[0] === "relation" ? showRelation(state.selected[1]) : showEntity(state.selected[1]);
}

function setDay(day) {
  state.day = Math.min(DATA.span[1], Math.max(DATA.span[0], day));
  document.getElementById("day").value = String(state.day);
  document.getElementById("day-label").textContent = state.allTime ? "—" : isoDay(state.day);
  refresh();
  // The details say how the relation stands on the day: keep them in step.
  if (state.selected && state.selected[0] === "relation") showRelation(state.selected[1]);
}

function togglePlay() {
  const button = document.getElementById("play");
  if (state.playing) {
    clearInterval(state.playing);
    state.playing = null;
  } else {
    if (state.day >= DATA.span[1]) setDay(DATA.span[0]);
    state.allTime = false;
    document.getElementById("all-time").checked = false;
    const step = Math.max(1, Math.round((DATA.span[1] - DATA.span[0]) / 240));
    state.playing = setInterval(() => {
      if (state.day >= DATA.span[1]) togglePlay(); else setDay(state.day + step);
    }, 80);
  }
  button.textContent = state.playing ? "❚❚" : "▶";
  button.title = t(state.playing ? "pause" : "play");
}

function focusOn(index) {
  state.focus = index;
  document.getElementById("focus-name").textContent = index === null ? t("noFocus") : fullName(index);
  refresh();
  fitVisible();
  if (index !== null) showEntity(index);
}

/** Fits the view to what is shown, never closer than 1.5× (a few nodes would fill the pane). */
function fitVisible() {
  cy.fit(cy.elements(":visible"), 40);
  if (cy.zoom() > 1.5) cy.zoom({ level: 1.5, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
}

function runSearch(event) {
  const list = document.getElementById("search-results");
  const query = event.target.value;
  list.textContent = "";
  if (!query.trim()) return;
  const found = searchEntities(query);
  if (!found.length) {
    list.innerHTML = `<li class="none">${t("noMatch")}</li>`;
    return;
  }
  found.slice(0, 8).forEach((i) => {
    const li = document.createElement("li");
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = `${fullName(i)} (${term(DATA.entities[i].kind)})`;
    b.dataset.entity = DATA.entities[i].id;
    b.addEventListener("click", () => focusOn(i));
    li.appendChild(b);
    list.appendChild(li);
  });
}

function wireControls() {
  const slider = document.getElementById("day");
  slider.min = String(DATA.span[0]);
  slider.max = String(DATA.span[1]);
  slider.addEventListener("input", () => setDay(Number(slider.value)));
  document.getElementById("play").addEventListener("click", togglePlay);
  document.getElementById("all-time").addEventListener("change", (e) => { state.allTime = e.target.checked; setDay(state.day); });
  document.getElementById("show-timeless").addEventListener("change", (e) => { state.timeless = e.target.checked; refresh(); });
  document.querySelectorAll("#languages button").forEach((b) => b.addEventListener("click", () => setLanguage(b.dataset.lang)));
  const search = document.getElementById("search");
  search.addEventListener("input", runSearch);
  search.addEventListener("keydown", (e) => {
    if (e.key !== "Enter") return;
    const found = searchEntities(search.value);
    if (found.length) focusOn(found[0]);
  });
  document.getElementById("depth").addEventListener("change", (e) => { state.depth = Math.max(1, Number(e.target.value) || 1); refresh(); });
  document.getElementById("unfocus").addEventListener("click", () => focusOn(null));
  document.querySelectorAll("#tabs button").forEach((b) => b.addEventListener("click", () => showTab(b.dataset.tab)));
  document.getElementById("pair-a").addEventListener("change", (e) => { state.pair[0] = Number(e.target.value); drawPair(); });
  document.getElementById("pair-b").addEventListener("change", (e) => { state.pair[1] = Number(e.target.value); drawPair(); });
}

function showTab(tab) {
  state.tab = tab;
  document.querySelectorAll("#tabs button").forEach((b) => b.setAttribute("aria-selected", String(b.dataset.tab === tab)));
  document.getElementById("lanes").hidden = tab !== "lanes";
  document.getElementById("pair").hidden = tab !== "pair";
  // A hidden panel has no width: draw the shown one at its size.
  if (tab === "lanes") drawLanes(); else drawPair();
}

// ---- Details.


function escapeHtml(text) {
  return String(text).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}

/** The dates as actorgraph writes them (`≤2012-04 → 2012-06-27`, `2012-06-27 → in 2013`,
 * `timeless`, `undated`), their few words in the interface's language. */
function datesOf(r) {
  if (r.dates === "timeless" || r.dates === "undated") return t(r.dates);
  return r.dates.replace(" → in ", ` → ${t("inPeriod")} `);
}

/** A date's bounds as bounds: "between 2012-04-01 and 2012-04-30", "on or before …". */
function bounds(date) {
  if (!date) return null;
  const [a, b] = [date.earliest, date.latest];
  let range;
  const iso = (day) => `<bdi dir="ltr">${isoDay(day)}</bdi>`;
  if (a !== null && b !== null) range = a === b ? iso(a) : `${t("between")} ${iso(a)} ${t("and")} ${iso(b)}`;
  else if (b !== null) range = `${t("onOrBefore")} ${iso(b)}`;
  else if (a !== null) range = `${t("onOrAfter")} ${iso(a)}`;
  else range = t("unknown");
  return `<bdi dir="ltr">${escapeHtml(date.written)}</bdi> — ${range}`;
}

function entityButton(i) {
  return `<button type="button" class="link" data-focus="${i}">${escapeHtml(fullName(i))}</button>`;
}

function casualtyText(c) {
  const number = c.min === null || c.min === undefined ? t("numberUnknown") : c.min === c.max ? String(c.min) : `${c.min}–${c.max}`;
  return `${escapeHtml(c.who)}: ${number} ${t(c.outcome)}`;
}

function evidenceHtml(r) {
  const spans = r.evidence.map((e) => {
    const where = `<span class="note" dir="ltr">${escapeHtml(e.document)}, ${t("bytes")} ${e.start_byte}–${e.end_byte}${e.row ? `, ${t("row")} ${e.row}` : ""}</span>`;
    return e.quote !== undefined ? `<blockquote dir="auto">${escapeHtml(e.quote)}</blockquote>${where}` : `<div>${where}</div>`;
  }).join("");
  const note = DATA.quoted ? "" : `<p class="note">${t("notQuoted")}</p>`;
  return r.evidence.length ? `<h2>${t("evidence")}</h2>${spans}${note}` : "";
}

function showRelation(i) {
  const r = DATA.relations[i];
  state.selected = ["relation", i];
  cy.elements().removeClass("picked");
  cy.$id("r" + i).addClass("picked");
  const now = state.allTime ? null : standing(r, state.day);
  const nowText = r.timeless ? t("timeless") : now === "certain" ? `<span class="holds-certain">${t("holdsCertain")}</span>`
    : now === "possible" ? `<span class="holds-possible">${t("holdsPossible")}</span>` : `<span class="holds-not">${t("holdsNot")}</span>`;
  const rows = [
    [t("kind"), `<span class="swatch" style="border-color:${kindColour(r.kind)}"></span> ${term(r.kind)}`],
    [t("dates"), `<bdi dir="ltr">${escapeHtml(datesOf(r))}</bdi>`],
    [t("start"), bounds(r.start) || t("unknown")],
    [t("end"), bounds(r.end) || (r.timeless ? t("timeless") : t("noEnd"))],
    [`${t("onDay")} <bdi dir="ltr">${isoDay(state.day)}</bdi>`, state.allTime ? "—" : nowText],
    [t("status"), term(r.status)],
    r.claimed_by.length ? [t("claimedBy"), r.claimed_by.map(entityButton).join(", ")] : null,
    r.disputed_by.length ? [t("disputedBy"), r.disputed_by.map(entityButton).join(", ")] : null,
    r.place !== undefined ? [t("place"), entityButton(r.place)] : null,
    r.event ? [t("event"), escapeHtml(r.event)] : null,
    r.casualties.length ? [t("casualties"), r.casualties.map(casualtyText).join("<br>")] : null,
  ].filter(Boolean);
  document.getElementById("details").innerHTML =
    `<h3>${entityButton(r.source)} → ${entityButton(r.target)}</h3>` +
    (r.negated ? `<p class="flag">✕ ${t("negatedFlag")}</p>` : "") +
    `<dl>${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join("")}</dl>` +
    `<h2>${t("summary")}</h2><p class="summary" id="relation-summary" dir="auto">${escapeHtml(r.summary)}</p>` +
    evidenceHtml(r) + `<p class="note" dir="ltr">${escapeHtml(r.id)}</p>`;
  wireDetailLinks();
}

function showEntity(index) {
  const e = DATA.entities[index];
  state.selected = ["entity", index];
  cy.elements().removeClass("picked");
  const rels = DATA.relations.map((r, i) => [r, i]).filter(([r]) => r.source === index || r.target === index);
  document.getElementById("details").innerHTML =
    `<h3 id="entity-name">${escapeHtml(fullName(index))}</h3>` +
    `<p class="note">${term(e.kind)} · <bdi>${escapeHtml(e.en)}</bdi> · <bdi>${escapeHtml(e.fr)}</bdi> · <bdi>${escapeHtml(e.ar)}</bdi></p>` +
    `<p dir="auto">${escapeHtml(e.description)}</p>` +
    (state.focus !== index ? `<button type="button" data-focus="${index}">${t("focusThis")}</button>` : "") +
    `<h2>${t("relations")}</h2><ul class="rels">` +
    rels.map(([r, i]) => `<li><button type="button" data-relation="${i}">${term(r.kind)}: ${escapeHtml(nameOf(r.source))} → ${escapeHtml(nameOf(r.target))} <bdi dir="ltr">(${escapeHtml(datesOf(r))})</bdi></button></li>`).join("") +
    `</ul>`;
  wireDetailLinks();
}

function wireDetailLinks() {
  document.querySelectorAll("#details [data-focus]").forEach((b) => b.addEventListener("click", () => focusOn(Number(b.dataset.focus))));
  document.querySelectorAll("#details [data-relation]").forEach((b) => b.addEventListener("click", () => showRelation(Number(b.dataset.relation))));
}

// ---- Time charts: town-control lanes and a pair's history strip (SVG, time left to right).

const SVG = "http://www.w3.org/2000/svg";
const LABEL_WIDTH = 170, HOLDER_WIDTH = 110, ROW = 22;

function timeScale(width) {
  const [a, b] = DATA.span;
  const plot = width - LABEL_WIDTH - HOLDER_WIDTH - 20;
  return (day) => LABEL_WIDTH + HOLDER_WIDTH + ((Math.min(Math.max(day, a), b) - a) / Math.max(1, b - a)) * plot;
}

function svgElement(name, attrs, text) {
  const el = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Year and month ticks of the span. */
function drawAxis(svg, x, height) {
  const g = svgElement("g", { class: "axis" });
  const first = new Date(DATA.span[0] * DAY_MS), last = DATA.span[1];
  const months = Math.max(1, Math.round((DATA.span[1] - DATA.span[0]) / 30));
  const perMonth = (x(DATA.span[1]) - x(DATA.span[0])) / months;
  const every = perMonth < 9 ? 12 : perMonth < 30 ? 3 : 1;
  const format = new Intl.DateTimeFormat(state.lang, { month: "short", timeZone: "UTC" });
  for (let d = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1)); ; d.setUTCMonth(d.getUTCMonth() + every)) {
    const day = Math.round(d.getTime() / DAY_MS);
    if (day > last) break;
    if (day < DATA.span[0]) continue;
    const px = x(day), january = d.getUTCMonth() === 0;
    g.appendChild(svgElement("line", { x1: px, x2: px, y1: 14, y2: height, "stroke-width": january ? 1.5 : 0.6 }));
    const label = january || day - DATA.span[0] < 20 ? String(d.getUTCFullYear()) : every < 12 ? format.format(d) : "";
    if (label) g.appendChild(svgElement("text", { x: px + 2, y: 11, "font-weight": january ? "bold" : "normal" }, label));
  }
  svg.appendChild(g);
}

/** One relation as a bar: solid where it certainly holds, faded where its ends are imprecise. */
function drawBar(svg, x, r, i, y, colour, text) {
  const from = r.possible[0] ?? DATA.span[0], to = r.possible[1] ?? DATA.span[1];
  const sureFrom = r.certain ? (r.certain[0] ?? DATA.span[0]) : null, sureTo = r.certain ? (r.certain[1] ?? DATA.span[1]) : null;
  const g = svgElement("g", { class: "bar", "data-relation": r.id });
  const title = svgElement("title", {}, `${term(r.kind)}: ${nameOf(r.source)} → ${nameOf(r.target)} (${datesOf(r)})`);
  g.appendChild(title);
  const minWidth = (a, b) => Math.max(3, x(b) - x(a));
  g.appendChild(svgElement("rect", { x: x(from), y, width: minWidth(from, to), height: ROW - 6, fill: colour, opacity: 0.3, rx: 2 }));
  if (sureFrom !== null && sureTo >= sureFrom) {
    g.appendChild(svgElement("rect", { x: x(sureFrom), y, width: minWidth(sureFrom, sureTo), height: ROW - 6, fill: colour, rx: 2,
      "stroke-dasharray": r.status === "asserted" ? "" : "3 2", stroke: r.status === "asserted" ? "none" : "#222" }));
  }
  if (r.negated) g.appendChild(svgElement("line", { x1: x(from), x2: x(to), y1: y + (ROW - 6) / 2, y2: y + (ROW - 6) / 2, stroke: "#b3261e", "stroke-width": 2 }));
  const labelAt = sureFrom !== null ? x(sureFrom) : x(from);
  if (text && x(to) - labelAt > 40) g.appendChild(svgElement("text", { class: "bar-label", x: labelAt + 4, y: y + ROW - 10 }, text));
  g.addEventListener("click", () => showRelation(i));
  svg.appendChild(g);
}

/** Town control: one row per place controlled, one bar per holder. */
function drawLanes() {
  const box = document.getElementById("lanes");
  box.textContent = "";
  const control = DATA.relations.map((r, i) => [r, i]).filter(([r]) => r.kind === "control");
  if (!control.length) { box.innerHTML = `<p class="note">${t("lanesEmpty")}</p>`; return; }
  const towns = [...new Set(control.map(([r]) => r.target))].sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  const holders = [...new Set(control.map(([r]) => r.source))];
  const width = Math.max(700, box.clientWidth - 4), height = 22 + towns.length * ROW;
  const svg = svgElement("svg", { width, height, style: "direction: ltr" });
  const x = timeScale(width);
  drawAxis(svg, x, height);
  towns.forEach((town, row) => {
    const y = 20 + row * ROW;
    const g = svgElement("g", { class: "lane", "data-town": DATA.entities[town].id });
    g.appendChild(svgElement("text", { class: "lane-label", x: 6, y: y + 12 }, nameOf(town)));
    const now = control.filter(([r]) => r.target === town && !r.negated && !state.allTime && standing(r, state.day));
    const holderText = now.map(([r]) => nameOf(r.source) + (standing(r, state.day) === "possible" ? "?" : "")).join(", ") || t("nobody");
    g.appendChild(svgElement("text", { class: "lane-holder holder", x: LABEL_WIDTH, y: y + 12 }, holderText));
    svg.appendChild(g);
    control.filter(([r]) => r.target === town).forEach(([r, i]) =>
      drawBar(g, x, r, i, y + 2, HOLDER_COLOURS[holders.indexOf(r.source) % HOLDER_COLOURS.length], nameOf(r.source)));
  });
  svg.appendChild(svgElement("line", { class: "today", x1: x(state.day), x2: x(state.day), y1: 14, y2: height }));
  box.appendChild(svg);
}

/** The pair with the most relations between them, to show first. */
function busiestPair() {
  const counts = new Map();
  DATA.relations.forEach((r) => {
    const key = Math.min(r.source, r.target) + "," + Math.max(r.source, r.target);
    counts.set(key, (counts.get(key) || 0) + 1);
  });
  let best = null;
  for (const [key, n] of counts) if (!best || n > best[1] || (n === best[1] && key < best[0])) best = [key, n];
  return best ? best[0].split(",").map(Number) : [null, null];
}

function fillPairPickers() {
  const drawn = DATA.entities.map((e, i) => i).filter((i) => DATA.entities[i].drawn).sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  if (state.pair[0] === null) state.pair = busiestPair();
  ["pair-a", "pair-b"].forEach((id, side) => {
    const select = document.getElementById(id);
    select.innerHTML = drawn.map((i) => `<option value="${i}">${escapeHtml(nameOf(i))}</option>`).join("");
    if (state.pair[side] !== null) select.value = String(state.pair[side]);
  });
}

/** A pair's history: their relations in start order, one row each, and the sequence of kinds. */
function drawPair() {
  const box = document.getElementById("pair-strip");
  box.textContent = "";
  const [a, b] = state.pair;
  const between = DATA.relations.map((r, i) => [r, i])
    .filter(([r]) => (r.source === a && r.target === b) || (r.source === b && r.target === a))
    .sort(([r1], [r2]) => (r1.possible[0] ?? -1e9) - (r2.possible[0] ?? -1e9) || r1.id.localeCompare(r2.id));
  const sequence = [];
  between.forEach(([r]) => { const k = (r.negated ? "¬" : "") + term(r.kind); if (sequence[sequence.length - 1] !== k) sequence.push(k); });
  document.getElementById("pair-sequence").textContent = sequence.join(state.lang === "ar" ? " ← " : " → ");
  if (!between.length) { box.innerHTML = `<p class="note">${t("pairEmpty")}</p>`; return; }
  const width = Math.max(700, box.clientWidth - 4), height = 22 + between.length * ROW;
  const svg = svgElement("svg", { width, height, style: "direction: ltr" });
  const x = timeScale(width);
  drawAxis(svg, x, height);
  between.forEach(([r, i], row) => {
    const y = 20 + row * ROW;
    const label = (r.negated ? "✕ " : "") + term(r.kind) + (r.source === a ? " →" : " ←");
    svg.appendChild(svgElement("text", { class: "lane-label", x: 6, y: y + 12, fill: kindColour(r.kind) }, label));
    drawBar(svg, x, r, i, y + 2, kindColour(r.kind), datesOf(r));
  });
  svg.appendChild(svgElement("line", { class: "today", x1: x(state.day), x2: x(state.day), y1: 14, y2: height }));
  box.appendChild(svg);
}

function refresh() {
  refreshGraph();
  drawLanes();
  drawPair();
}

// ---- Start.

function start() {
  buildFilters();
  buildLegend();
  wireControls();
  drawGraph();
  setLanguage(state.lang);
  showTab("lanes");
  setDay(state.day);
  document.getElementById("play").textContent = "▶";
  fitVisible();
  window.addEventListener("resize", () => { drawLanes(); drawPair(); });
  document.body.dataset.ready = "true";
}

start();
