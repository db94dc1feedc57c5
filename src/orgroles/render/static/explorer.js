/* orgroles explorer: an interactive org chart in one self-contained page.
 *
 * orgroles.render.html writes two JSON blocks into the page: the chart (compact arrays
 * with one entry per role box, in pre-order, plus the fold groups) and the details of
 * each role, which are parsed the first time the details panel needs them. Only the
 * expanded part of the chart is laid out (d3.tree, from d3-hierarchy) and drawn (SVG,
 * joined with d3-selection); d3-zoom pans and zooms. The boxes, stacked columns and
 * connectors follow orgroles.render.layout, which draws the static SVG.
 *
 * Every text reaches the page through textContent or text nodes, never as markup.
 */
(function () {
  "use strict";

  const SVG_NS = "http://www.w3.org/2000/svg";
  const byId = (id) => document.getElementById(id);
  const D = JSON.parse(byId("orgroles-data").textContent);
  const G = D.geometry;
  const W = D.words;
  const BW = G.boxWidth;
  const N = D.ids.length; // role boxes are the nodes 0 .. N-1, in pre-order
  const F = D.folds.length; // fold groups are the nodes N .. N+F-1
  const VACANT = 1, ACTING = 2, ASSISTANT = 4, SEVERITY_SHIFT = 3; // bits of D.flags
  const MISSING = 32, FOREST = 64; // a manager not in the file; the top added above a forest
  const PLANNED = 128; // a seat that does not exist yet
  const CH = D.changes; // a change chart: its legend, old lines and colours (else absent)
  const CHANGED = [[256, "added"], [512, "removed"], [1024, "moved"], [2048, "restaffed"]];
  const SEVERITIES = [null, "info", "warning", "error"];
  const NAME_STYLE = D.styles.findIndex((s) => s.name === "name");
  const MARGIN = 24; // px of screen around the chart when it is fitted
  const READABLE = 2 / 3; // the smallest scale of a fitted view: 12 px text shows at 8 px
  const api = (window.__orgroles = { parsed: performance.now(), ready: 0, renders: 0, lastRender: 0 });

  const chart = byId("chart");
  const viewport = byId("viewport");
  const nodesLayer = byId("nodes");
  const panel = byId("panel");
  const panelBody = byId("panel-body");
  const help = byId("help");
  const searchBox = byId("search");
  const motion = window.matchMedia("(prefers-reduced-motion: reduce)").matches ? 0 : 350;
  const compact = new Intl.NumberFormat(D.lang, { notation: "compact", maximumFractionDigits: 1 });
  const number = new Intl.NumberFormat(D.lang);
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, key) => values[key]);

  // -- the tree: reports of each role, layers, sizes ---------------------------------------
  const parent = Int32Array.from(D.parent);
  const depth = new Int32Array(N);
  const below = new Int32Array(N); // how many roles are under each role, all layers down
  const kidStart = new Int32Array(N + 1); // the reports of i are kidList[kidStart[i] .. kidStart[i + 1]]
  const kidList = new Int32Array(N);
  const tops = [];
  for (let i = 0; i < N; i++) {
    const p = parent[i];
    if (p < 0) tops.push(i);
    else {
      depth[i] = depth[p] + 1; // a manager comes before its reports
      kidStart[p + 1]++;
    }
  }
  for (let i = 0; i < N; i++) kidStart[i + 1] += kidStart[i];
  const next = kidStart.slice(0, N);
  for (let i = 0; i < N; i++) if (parent[i] >= 0) kidList[next[parent[i]]++] = i;
  for (let i = N - 1; i >= 0; i--) if (parent[i] >= 0) below[parent[i]] += below[i] + 1;
  const kidCount = (n) => (n < N ? kidStart[n + 1] - kidStart[n] : 0);
  const foldOf = new Int32Array(N).fill(-1);
  D.folds.forEach((fold, k) => fold[1].forEach((m) => (foldOf[m] = k)));

  // What the reader has opened: roles whose reports show, fold groups shown one by one.
  const open = new Uint8Array(N);
  for (let i = 0; i < N; i++) open[i] = kidCount(i) > 0 && depth[i] < D.start ? 1 : 0;
  const unfolded = new Uint8Array(F);

  // -- one box: its lines, colours and size -------------------------------------------------
  const isFold = (n) => n >= N;
  const flagsOf = (n) => (isFold(n) ? D.folds[n - N][3] : D.flags[n]);
  const familyOf = (n) => D.families[isFold(n) ? D.folds[n - N][4] : D.fam[n]];
  const severityOf = (n) => SEVERITIES[(flagsOf(n) >> SEVERITY_SHIFT) & 3];
  const isStandIn = (n) => !isFold(n) && (D.flags[n] & (MISSING | FOREST)) !== 0;
  const titleOf = (n) => (isFold(n) ? D.texts[D.folds[n - N][2][0]] : D.titles[D.titleOf[n]]);
  const canToggle = (n) => isFold(n) || kidCount(n) > 0;
  const isOpen = (n) => (isFold(n) ? unfolded[n - N] === 1 : open[n] === 1);

  /** A box's lines as [style index, text]; -1 stands for the holders' names on one line. */
  function linesOf(n) {
    const codes = isFold(n) ? D.folds[n - N][2] : D.lines[n];
    return codes.map((k) => (k < 0 ? [NAME_STYLE, D.names[n]] : [D.textStyle[k], D.texts[k]]));
  }

  const textHeight = new Float64Array(N + F).fill(-1); // the lines' height, computed once
  function linesHeight(n) {
    if (textHeight[n] < 0) textHeight[n] = linesOf(n).reduce((h, [s]) => h + D.styles[s].leading, 0);
    return textHeight[n];
  }
  const naturalHeight = (n) => 2 * G.padY + linesHeight(n);

  /** The kids of an open role as drawn: a fold group stands in the place of its first member. */
  function shownKids(p) {
    const out = [];
    for (let k = kidStart[p]; k < kidStart[p + 1]; k++) {
      const c = kidList[k];
      const f = foldOf[c];
      if (f < 0) out.push(c);
      else if (D.folds[f][1][0] === c) {
        out.push(N + f);
        if (unfolded[f]) for (const m of D.folds[f][1]) out.push(m);
      }
    }
    return out;
  }

  // Boxes drawn without reports under them (leaves, folds) can be stacked in columns.
  const isLeaf = (n) => isFold(n) || kidCount(n) === 0;

  // -- layout ---------------------------------------------------------------------------------
  // A unit is what d3.tree places: a box with its assistants beside it, or a block of
  // stacked leaves. Boxes of a layer share a height, and layers stack from the top.
  const X = new Float64Array(N + F); // top-left corner of each shown box, and its height
  const Y = new Float64Array(N + F);
  const H = new Float64Array(N + F);
  const shownFlag = new Uint8Array(N + F);
  let shown = []; // the boxes drawn, in pre-order
  let wirePath = "";
  let uprights = []; // a change chart: the upright pieces of wirePath, which old lines avoid
  let levelTops = []; // the top of each level, and the lowest bottom of the boxes that
  let bandBottoms = []; // start on it (old lines run under them)
  let lowerBoxes = []; // the other shown boxes, which old lines check as they go across

  function unit(box) {
    return { box, members: null, children: [], assistants: [] };
  }

  function buildUnits() {
    const root = unit(-1);
    const todo = [];
    for (const t of tops) {
      const u = unit(t);
      root.children.push(u);
      todo.push(u);
    }
    while (todo.length) {
      const u = todo.pop();
      const n = u.box;
      if (isFold(n) || !open[n]) continue;
      const kids = [];
      for (const c of shownKids(n)) {
        if (!isFold(c) && D.flags[c] & ASSISTANT) u.assistants.push(c);
        else kids.push(c);
      }
      const leaves = kids.filter(isLeaf);
      const stacked = leaves.length >= G.stackMin;
      let block = null;
      for (const c of kids) {
        if (stacked && isLeaf(c)) {
          if (!block) u.children.push((block = { box: -1, members: leaves, children: [], assistants: [] }));
        } else {
          const cu = unit(c);
          u.children.push(cu);
          todo.push(cu);
        }
      }
    }
    return root;
  }

  /** The width and height of `count` boxes of height h in `columns` columns (plan.block_size). */
  function blockSize(count, columns, h) {
    const rows = Math.ceil(count / columns);
    const pairs = Math.ceil(columns / 2);
    let w = columns * BW + pairs * G.spineGap + (pairs - 1) * G.pairGap;
    if (columns % 2) w -= G.spineGap / 2;
    return [w, rows * h + (rows - 1) * G.rowGap];
  }

  /** The even number of columns whose block is closest to the target shape (plan._columns). */
  function columnsFor(count, h) {
    let best = 2;
    let bestScore = Infinity;
    for (let k = 2; k <= Math.max(2, count); k += 2) {
      const [w, bh] = blockSize(count, k, h);
      const score = Math.abs(Math.log(w / bh / G.blockRatio));
      if (score < bestScore) {
        best = k;
        bestScore = score;
      } else if (w / bh > G.blockRatio) break;
    }
    return best;
  }

  /** Each spine of a block (x) with the left edges of its columns (wires.spines). */
  function spines(columns) {
    const out = [];
    const step = 2 * BW + G.spineGap + G.pairGap;
    for (let p = 0; p < Math.ceil(columns / 2); p++) {
      const left = p * step;
      if (2 * p + 1 < columns) out.push([left + BW + G.spineGap / 2, [left, left + BW + G.spineGap]]);
      else out.push([left, [left + G.spineGap / 2]]); // an odd last column, its spine on its left
    }
    return out;
  }

  function layout() {
    const root = d3.hierarchy(buildUnits(), (u) => (u.children.length ? u.children : null));
    const all = root.descendants(); // breadth first: a layer's units come left to right
    all.forEach((d, i) => (d.order = i));
    const boxH = [];
    for (const d of all) {
      if (d.data.box >= 0) boxH[d.depth] = Math.max(boxH[d.depth] || 0, naturalHeight(d.data.box));
    }
    const layerH = [];
    for (const d of all) {
      const u = d.data;
      if (u.box >= 0) {
        u.h = boxH[d.depth];
        const [left, right] = assistantSides(u);
        for (const column of [left, right]) {
          let side = G.rowGap * (column.length - 1);
          for (const a of column) side += naturalHeight(a);
          u.h = Math.max(u.h, side);
        }
        u.left = BW / 2 + (left.length ? G.sideGap + BW + G.aside : 0);
        u.right = BW / 2 + (right.length ? G.sideGap + BW + G.aside : 0);
      } else if (u.members) {
        u.rowH = u.members.reduce((h, m) => Math.max(h, naturalHeight(m)), 0);
        u.columns = columnsFor(u.members.length, u.rowH);
        [u.w, u.h] = blockSize(u.members.length, u.columns, u.rowH);
        u.left = u.right = u.w / 2;
      } else {
        u.h = u.left = u.right = 0; // the root that holds the tops together
      }
      layerH[d.depth] = Math.max(layerH[d.depth] || 0, u.h);
    }
    const layerTop = [0, 0];
    for (let k = 2; k < layerH.length; k++) layerTop[k] = layerTop[k - 1] + layerH[k - 1] + G.vgap;

    // d3.tree calls separation(a, b) with the left node first in one place and the right
    // node first in another: sort them by their breadth-first order, left to right.
    const gap = (left, right) => left.data.right + G.hgap + right.data.left;
    d3.tree().nodeSize([1, 1]).separation((a, b) => (a.order < b.order ? gap(a, b) : gap(b, a)))(root);

    for (const n of shown) shownFlag[n] = 0;
    shown = [];
    const wires = [];
    for (const d of all) {
      if (d.depth === 0) continue;
      const u = d.data;
      const top = layerTop[d.depth];
      if (u.box >= 0) {
        const n = u.box;
        place(n, Math.round(d.x - BW / 2), top, boxH[d.depth]);
        if (u.assistants.length) placeAssistants(u, wires);
      } else {
        u.x0 = Math.round(d.x - u.w / 2);
        placeBlock(u, u.x0, top, wires);
      }
    }
    for (const d of all) {
      if (d.depth > 0 && d.children && d.data.box >= 0) connect(d, layerTop[d.depth + 1], wires);
    }
    wirePath = wires.join("");
    uprights = CH ? uprightsOf(wirePath) : [];
    levelTops = layerTop.slice(1);
    bandBottoms = levelTops.map(() => 0);
    lowerBoxes = [];
    for (const n of shown) {
      const band = bandOf(Y[n]);
      if (band >= 0 && Y[n] === levelTops[band]) bandBottoms[band] = Math.max(bandBottoms[band], Y[n] + H[n]);
      else lowerBoxes.push(n); // a stack's lower rows, assistants below the first
    }
    shown.sort((a, b) => preorder(a) - preorder(b));
  }

  // Folds sort just before their first member; roles by their own pre-order number.
  const preorder = (n) => (isFold(n) ? D.folds[n - N][1][0] - 0.5 : n);

  function place(n, x, y, h) {
    X[n] = x;
    Y[n] = y;
    H[n] = h;
    shownFlag[n] = 1;
    shown.push(n);
  }

  /** The assistants of unit u on its box's left and right: one on the right; more in
   * turn left and right, the first on the left (wires.assistant_sides). */
  function assistantSides(u) {
    const found = u.assistants;
    if (found.length < 2) return [[], found];
    return [found.filter((_, i) => i % 2 === 0), found.filter((_, i) => i % 2 === 1)];
  }

  /** Assistants beside their manager, joined by a short bar on each side (wires.place_assistants). */
  function placeAssistants(u, wires) {
    const n = u.box;
    const mid = Y[n] + Math.round(H[n] / 2);
    const half = Math.round(G.sideGap / 2);
    const [left, right] = assistantSides(u);
    for (const [column, edge, bar, ax] of [
      [left, X[n], X[n] - half, X[n] - G.sideGap - BW],
      [right, X[n] + BW, X[n] + BW + half, X[n] + BW + G.sideGap],
    ]) {
      if (!column.length) continue;
      const near = ax < X[n] ? ax + BW : ax; // the assistant's side that faces the box
      let y = Y[n];
      let first = mid;
      let last = mid;
      for (const a of column) {
        const h = naturalHeight(a);
        place(a, ax, y, h);
        const m = y + Math.round(h / 2);
        wires.push(`M${bar} ${m}H${near}`);
        first = Math.min(first, m);
        last = Math.max(last, m);
        y += Math.round(h + G.rowGap);
      }
      wires.push(`M${edge} ${mid}H${bar}`);
      if (first < last) wires.push(`M${bar} ${first}V${last}`);
    }
  }

  /** Stacked leaves in columns, two around each spine (wires.place_stack). */
  function placeBlock(u, x0, y0, wires) {
    const sp = spines(u.columns);
    const lefts = sp.flatMap((s) => s[1]);
    const bottom = sp.map(() => y0);
    u.members.forEach((s, j) => {
      const row = Math.floor(j / u.columns);
      const col = j % u.columns;
      const x = x0 + Math.round(lefts[col]);
      const y = y0 + Math.round(row * (u.rowH + G.rowGap));
      place(s, x, y, u.rowH);
      const p = Math.floor(col / 2);
      const spine = x0 + Math.round(sp[p][0]);
      const mid = y + Math.round(u.rowH / 2);
      wires.push(`M${spine} ${mid}H${x < spine ? x + BW : x}`);
      bottom[p] = Math.max(bottom[p], mid);
    });
    sp.forEach(([sx], p) => wires.push(`M${x0 + Math.round(sx)} ${y0}V${bottom[p]}`));
  }

  /** A manager's connector to the units below: trunk, bus and drops (layout._Lines.family). */
  function connect(d, childTop, wires) {
    const n = d.data.box;
    const trunk = X[n] + BW / 2;
    const bus = childTop - G.vgap / 2;
    const drops = [];
    for (const c of d.children) {
      const cu = c.data;
      if (cu.box >= 0) drops.push(X[cu.box] + BW / 2);
      else for (const [sx] of spines(cu.columns)) drops.push(cu.x0 + Math.round(sx));
    }
    wires.push(`M${trunk} ${Y[n] + H[n]}V${bus}`);
    const left = drops.reduce((a, b) => Math.min(a, b), trunk);
    const right = drops.reduce((a, b) => Math.max(a, b), trunk);
    if (left < right) wires.push(`M${left} ${bus}H${right}`);
    for (const x of drops) wires.push(`M${x} ${bus}V${childTop}`);
  }

  /**
   * Dotted reporting lines (or old lines) between shown boxes: down to a lower box along
   * oldLineRoute (svg._routes), else as curves (svg._curves).
   */
  function dottedPath(pairs = D.dotted) {
    const out = [];
    const placed = []; // [run, left, right] of the routes so far
    for (const [a, b] of pairs) {
      if (!shownFlag[a] || !shownFlag[b]) continue;
      if (Y[a] + H[a] <= Y[b]) {
        const route = apart(oldLineRoute(a, b), a, b, placed); // old_lines.old_line_route
        out.push(roundedPath(route, G.hgap / 2));
        continue;
      }
      const beside = Y[b] + H[b] > Y[a] ? besideRoute(a, b) : upRoute(a, b);
      if (beside) {
        out.push(roundedPath(apart(beside, a, b, placed), G.hgap / 2));
        continue;
      }
      let x1, y1, x2, y2;
      if (Y[a] + H[a] <= Y[b]) [x1, y1, x2, y2] = [X[a] + BW / 2, Y[a] + H[a], X[b] + BW / 2, Y[b]];
      else if (Y[b] + H[b] <= Y[a]) [x1, y1, x2, y2] = [X[a] + BW / 2, Y[a], X[b] + BW / 2, Y[b] + H[b]];
      else {
        [x1, x2] = X[a] < X[b] ? [X[a] + BW, X[b]] : [X[a], X[b] + BW];
        [y1, y2] = [Y[a] + H[a] / 2, Y[b] + H[b] / 2];
      }
      const bend = Math.max(30, Math.abs(y2 - y1) / 2);
      const c1 = y1 <= y2 ? y1 + bend : y1 - bend;
      const c2 = y1 <= y2 ? y2 - bend : y2 + bend;
      out.push(`M${x1} ${y1}C${x1} ${c1} ${x2} ${c2} ${x2} ${y2}`);
    }
    return out.join("");
  }

  /**
   * A route moved off the run of a route placed before it that it would lie along (two
   * dashed lines on one run read as a solid one): up 3 px a step, at most twice, while
   * the way across stays free (old_lines: apart). The run is the first piece across
   * after a piece down or up.
   */
  function apart(route, a, b, placed) {
    let k = -1;
    for (let i = 2; i < route.length && k < 0; i++) {
      const across = route[i][1] === route[i - 1][1] && route[i][0] !== route[i - 1][0];
      if (across && route[i - 1][0] === route[i - 2][0]) k = i;
    }
    if (k < 0) return route;
    const lo = Math.min(route[k - 1][0], route[k][0]), hi = Math.max(route[k - 1][0], route[k][0]);
    let run = route[k][1];
    for (let step = 0; step < 2; step++) {
      if (!placed.some(([r, l, h]) => Math.abs(r - run) < 2 && l < hi && lo < h)) break;
      if (!clearAcross(run - 3, lo, hi, a, b)) break;
      run -= 3;
    }
    placed.push([run, lo, hi]);
    return route.map(([x, y], i) => [x, i === k - 1 || i === k ? run : y]);
  }

  /**
   * The corners of a line between boxes side by side (old_lines: `under`, `above`): down
   * out of a's bottom, across under both their levels and up into b's bottom; else the
   * same over their tops; null when both ways are blocked (then a curve).
   */
  function besideRoute(a, b) {
    const aside = Math.round(BW / 4);
    const low = Math.round(G.vgap * 0.3);
    const x1 = X[a] + BW / 2 + (X[b] > X[a] ? aside : -aside);
    const x2 = X[b] + BW / 2 + (X[a] < X[b] ? -aside : aside);
    const y1 = Y[a] + H[a], y2 = Y[b] + H[b];
    let run = Math.max(runLevel(a), runLevel(b));
    if (!boxOnLine(x1, y1, run, a, b) && !boxOnLine(x2, y2, run, a, b) && clearAcross(run, x1, x2, a, b)) {
      return [[x1, y1], [x1, run], [x2, run], [x2, y2]];
    }
    run = Math.min(Y[a], Y[b]) - Math.floor(low / 2);
    if (!boxOnLine(x1, run, Y[a], a, b) && !boxOnLine(x2, run, Y[b], a, b) && clearAcross(run, x1, x2, a, b)) {
      return [[x1, Y[a]], [x1, run], [x2, run], [x2, Y[b]]];
    }
    return null;
  }

  /**
   * The corners of a line up to a box above (old_lines: `under` out of the top): out of
   * a's top, across over it and up into b's bottom; null when the way is blocked (then a
   * curve).
   */
  function upRoute(a, b) {
    const aside = Math.round(BW / 4);
    const low = Math.round(G.vgap * 0.3);
    const x1 = X[a] + BW / 2 + (X[b] > X[a] ? aside : -aside);
    const x2 = X[b] + BW / 2 + (X[a] < X[b] ? -aside : aside);
    const y2 = Y[b] + H[b];
    const run = Y[a] - Math.floor(low / 2);
    if (y2 < run && !boxOnLine(x1, run, Y[a], a, b) && !boxOnLine(x2, y2, run, a, b) && clearAcross(run, x1, x2, a, b)) {
      return [[x1, Y[a]], [x1, run], [x2, run], [x2, y2]];
    }
    return null;
  }

  /** Whether a shown box other than a and b meets the upright line at x from top to bottom. */
  function boxOnLine(x, top, bottom, a, b) {
    for (const k of shown) {
      if (k !== a && k !== b && X[k] <= x && x <= X[k] + BW && Y[k] < bottom && Y[k] + H[k] > top) return true;
    }
    return false;
  }

  /** Whether an upright piece of the chart's lines (a stack's spine) runs in the gap at x. */
  function lineInGap(x, top, bottom) {
    return uprights.some(([ux, y0, y1]) => Math.abs(ux - x) < G.hgap / 2 && y0 < bottom && y1 > top);
  }

  /** SVG path data for an orthogonal route, its corners rounded (old_lines.rounded_path). */
  function roundedPath(points, radius) {
    const kept = [points[0]];
    for (const p of points.slice(1)) {
      const last = kept[kept.length - 1];
      if (p[0] !== last[0] || p[1] !== last[1]) kept.push(p);
    }
    const corners = [kept[0]];
    for (let k = 1; k < kept.length - 1; k++) {
      const [a, b, c] = [corners[corners.length - 1], kept[k], kept[k + 1]];
      if (!((a[0] === b[0] && b[0] === c[0]) || (a[1] === b[1] && b[1] === c[1]))) corners.push(b);
    }
    corners.push(kept[kept.length - 1]);
    const out = [`M${corners[0][0]} ${corners[0][1]}`];
    for (let k = 1; k < corners.length - 1; k++) {
      const [[px, py], [cx, cy], [nx, ny]] = [corners[k - 1], corners[k], corners[k + 1]];
      const r = Math.min(radius, Math.abs(cx - px + cy - py) / 2, Math.abs(nx - cx + ny - cy) / 2);
      const [ix, iy] = [cx - r * Math.sign(cx - px), cy - r * Math.sign(cy - py)];
      const [ox, oy] = [cx + r * Math.sign(nx - cx), cy + r * Math.sign(ny - cy)];
      out.push(`L${ix} ${iy}Q${cx} ${cy} ${ox} ${oy}`);
    }
    const last = corners[corners.length - 1];
    out.push(`L${last[0]} ${last[1]}`);
    return out.join("");
  }

  /**
   * The level an old line from a runs across at (old_lines.run_level): under a, and under
   * the boxes of the level whose band that is (the lowest bottom of the shown boxes that
   * start on its top, found once per layout, in bandBottoms).
   */
  function runLevel(a) {
    const low = Math.round(G.vgap * 0.3);
    let run = Y[a] + H[a] + low;
    for (let i = 0; i < levelTops.length; i++) {
      const band = bandOf(run);
      const bottom = band >= 0 ? bandBottoms[band] : 0;
      if (bottom + low <= run) break;
      run = bottom + low;
    }
    return run;
  }

  /** Whether the line across at run from x1 to x2 meets none of the lower boxes. */
  /** Whether no shown box at all meets the line across at run (old_lines: clear_across). */
  function clearAcross(run, x1, x2, a, b) {
    const lo = Math.min(x1, x2), hi = Math.max(x1, x2);
    for (const k of shown) {
      if (k !== a && k !== b && X[k] < hi && X[k] + BW > lo && Y[k] < run && run < Y[k] + H[k] + 2) return false;
    }
    return true;
  }

  function acrossFree(run, x1, x2, a, b) {
    const lo = Math.min(x1, x2), hi = Math.max(x1, x2);
    return !lowerBoxes.some((k) => k !== a && k !== b && X[k] < hi && X[k] + BW > lo && Y[k] < run && run < Y[k] + H[k] + 2);
  }

  /** The band of a y: the index of the last level top at or above it. */
  function bandOf(y) {
    let found = -1;
    for (let i = 0; i < levelTops.length && levelTops[i] <= y; i++) found = i;
    return found;
  }

  /**
   * The corners of the old line from a down to moved seat b (old_lines.old_line_ends and
   * old_line_route): out of a's bottom, or of a side when a box stands right under a;
   * across under the boxes it passes; onto b's top, or down a free gap into b's side.
   */
  function oldLineRoute(a, b) {
    const half = G.hgap / 2;
    const low = Math.round(G.vgap * 0.3);
    const aside = Math.round(BW / 4); // off the middles, off the boxes' own lines
    const drop = X[b] + BW / 2 + (X[a] < X[b] ? -aside : aside);
    const middle = Y[b] + Math.round(H[b] / 2);
    const run = runLevel(a);
    const gapFree = (x, top, bottom) => !boxOnLine(x, top, bottom, a, b) && !lineInGap(x, top, bottom);
    const entry = (exit, ex, ey) => {
      if (exit === "bottom" && ey < Y[b] && Y[b] <= ey + low) {
        const close = (ey + Y[b]) / 2; // right under it (a stack's row)
        return clearAcross(close, ex, drop, a, b) ? [[drop, close], [drop, Y[b]]] : null;
      }
      if (Y[b] <= run) return null; // no level to run at above the seat
      // the way down to run (out of a's bottom, where a's own line starts: only boxes count)
      if (exit === "bottom" ? boxOnLine(ex, ey, run, a, b) : !gapFree(ex, ey, run)) return null;
      if (acrossFree(run, ex, drop, a, b) && !boxOnLine(drop, run, Y[b], a, b)) return [[drop, run], [drop, Y[b]]];
      const sides = [[X[b] - half, X[b]], [X[b] + BW + half, X[b] + BW]];
      if (ex > drop) sides.reverse();
      for (const [gx, xs] of sides) {
        if (acrossFree(run, ex, gx, a, b) && gapFree(gx, run, middle)) return [[gx, run], [gx, middle], [xs, middle]];
      }
      return null;
    };
    const x1 = X[a] + BW / 2 + (X[b] > X[a] ? aside : -aside), y1 = Y[a] + H[a];
    let found = entry("bottom", x1, y1);
    if (found) return [[x1, y1], [x1, found[0][1]], ...found];
    const mid = Y[a] + Math.round(H[a] / 2);
    const exits = [["left", X[a] - half, X[a]], ["right", X[a] + BW + half, X[a] + BW]];
    if (X[b] > X[a]) exits.reverse();
    for (const [exit, ex, edge] of exits) {
      found = entry(exit, ex, mid);
      if (found) return [[edge, mid], [ex, mid], [ex, found[0][1]], ...found];
    }
    let over = run; // over a box: no free gap
    if (over >= Y[b]) over = Y[b] > y1 ? Math.min(y1 + low, (y1 + Y[b]) / 2) : y1 + low;
    return [[x1, y1], [x1, over], [drop, over], [drop, Y[b]]];
  }

  /** The upright pieces [x, top, bottom] of the lines of a path made of M, H and V. */
  function uprightsOf(path) {
    const found = [];
    let x = 0, y = 0;
    for (const [, cmd, a, b] of path.matchAll(/([MHV])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
      if (cmd === "M") [x, y] = [+a, +b];
      else if (cmd === "H") x = +a;
      else {
        found.push([x, Math.min(y, +a), Math.max(y, +a)]);
        y = +a;
      }
    }
    return found;
  }

  // -- drawing -----------------------------------------------------------------------------
  const elementOf = new Map(); // shown box -> its <g>

  function svg(tag, attrs) {
    const el = document.createElementNS(SVG_NS, tag);
    for (const [key, value] of Object.entries(attrs || {})) el.setAttribute(key, value);
    return el;
  }

  /** The <g> of a box: its rectangle, its lines of text and, if it opens, its toggle. */
  function buildBox(n) {
    const g = svg("g", { class: isFold(n) ? "node fold" : "node role", tabindex: "0", role: "button" });
    g.dataset.n = n;
    const flags = flagsOf(n);
    const family = familyOf(n);
    const severity = severityOf(n);
    const plainBox = isFold(n) || isStandIn(n);
    const label = plainBox ? titleOf(n) : [titleOf(n), D.names[n] || W.vacant].join(", ");
    g.setAttribute("aria-label", label);
    const tip = svg("title");
    tip.textContent = plainBox ? titleOf(n) : `${titleOf(n)} (${D.ids[n]})`;
    const rect = svg("rect", {
      class: "box",
      width: BW,
      rx: G.radius,
      fill: flags & VACANT ? "#ffffff" : family[1],
      stroke: severity ? G.severityColors[severity] : family[2],
      "stroke-width": severity ? 2.5 : G.border,
    });
    if (flags & VACANT) rect.setAttribute("stroke-dasharray", flags & MISSING ? "2 3" : "5 3");
    else if (flags & PLANNED) rect.setAttribute("stroke-dasharray", "1.5 3");
    const change = CH && !severity && CHANGED.find(([bit]) => flags & bit);
    if (change) {
      // A change chart (paint.box_paint): a thick border, or a faded ghost if removed.
      g.classList.add(change[1]);
      rect.setAttribute("stroke", CH.colors[change[1]]);
      if (change[1] === "removed") {
        rect.setAttribute("fill", CH.ghost);
        rect.setAttribute("stroke-dasharray", "4 3");
        g.setAttribute("opacity", "0.6");
      } else rect.setAttribute("stroke-width", 2.5);
    }
    const text = svg("g", { class: "lines" });
    let y = 0;
    for (const [s, line] of linesOf(n)) {
      const st = D.styles[s];
      // The baseline sits halfway down the line, plus a third of the size (as in svg.py).
      const t = svg("text", { x: BW / 2, y: Math.round(y + st.leading / 2 + st.size * 0.35) });
      t.setAttribute("fill", st.color);
      if (st.size !== 12) t.setAttribute("font-size", st.size);
      if (st.bold) t.setAttribute("font-weight", "bold");
      if (st.italic) t.setAttribute("font-style", "italic");
      t.textContent = line;
      text.append(t);
      y += st.leading;
    }
    g.append(tip, rect, text);
    if (canToggle(n)) {
      const toggle = svg("g", { class: "toggle" });
      // A pill on the bottom edge, low enough to leave the text alone, small enough to
      // leave the row gap of a stack free.
      toggle.append(svg("title"), svg("rect", { y: -8, height: 16, rx: 8 }), svg("text", { y: 3.5 }));
      g.append(toggle);
    }
    return g;
  }

  /** Moves a box to its place, gives it its layer's height and updates its toggle. */
  function placeBox(g, n) {
    const where = `${X[n]},${Y[n]},${H[n]},${isOpen(n)}`;
    if (g.__where === where) return; // unchanged: touch nothing, so the browser redoes nothing
    g.__where = where;
    g.setAttribute("transform", `translate(${X[n]},${Y[n]})`);
    g.children[1].setAttribute("height", H[n]);
    g.children[2].setAttribute("transform", `translate(0,${Math.round((H[n] - linesHeight(n)) / 2)})`);
    if (canToggle(n)) {
      const opened = isOpen(n);
      const toggle = g.children[3];
      const label = opened ? "\u2212" : isFold(n) ? "+" : compact.format(below[n]);
      const width = Math.max(16, 6.5 * label.length + 8);
      toggle.setAttribute("transform", `translate(${BW / 2},${H[n] + 2})`);
      const [tip, pill, text] = toggle.children;
      if (isFold(n)) tip.textContent = opened ? W.fold : W.unfold;
      else tip.textContent = opened ? W.collapse : fill(W.expand, { n: number.format(below[n]) });
      pill.setAttribute("x", -width / 2);
      pill.setAttribute("width", width);
      text.textContent = label;
      g.setAttribute("aria-expanded", opened);
      if (isFold(n)) g.classList.toggle("unfolded", opened);
    }
  }

  function draw() {
    const join = d3
      .select(nodesLayer)
      .selectAll("g.node")
      .data(shown, (n) => n);
    join.exit().each((n) => elementOf.delete(n)).remove();
    const entered = join.enter().append((n) => {
      const g = buildBox(n);
      elementOf.set(n, g);
      return g;
    });
    join.merge(entered).order().each(function (n) {
      placeBox(this, n);
    });
    byId("wires").setAttribute("d", wirePath);
    byId("dotted").setAttribute("d", dottedPath());
    if (CH) byId("old-lines").setAttribute("d", dottedPath(CH.moves));
    paintMarks();
  }

  function render() {
    const t0 = performance.now();
    layout();
    draw();
    api.renders += 1;
    api.lastRender = performance.now() - t0;
  }

  // -- pan and zoom --------------------------------------------------------------------------
  const stage = d3.select(chart);
  const zoom = d3
    .zoom()
    .scaleExtent([0.02, 4])
    .on("zoom", (event) => viewport.setAttribute("transform", event.transform));
  stage.call(zoom).on("dblclick.zoom", null);
  viewport.setAttribute("font-family", G.font);
  viewport.setAttribute("font-size", "12");
  byId("wires").setAttribute("stroke", G.edgeColor);
  byId("dotted").setAttribute("stroke", G.dottedColor);
  if (CH) byId("old-lines").setAttribute("stroke", CH.colors.moved);

  const animated = () => (motion ? stage.transition().duration(motion) : stage);

  /** The extent of the shown boxes (or of `boxes`): [left, top, right, bottom]. */
  function bounds(boxes = shown) {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const n of boxes) {
      x0 = Math.min(x0, X[n]);
      y0 = Math.min(y0, Y[n]);
      x1 = Math.max(x1, X[n] + BW);
      y1 = Math.max(y1, Y[n] + H[n]);
    }
    return boxes.length ? [x0, y0, x1, y1] : [0, 0, 1, 1];
  }

  /** The width of the chart that the details panel leaves visible. */
  const visibleWidth = () => chart.clientWidth - (panel.hidden ? 0 : panel.offsetWidth);

  function fitTransform(maxScale, boxes = shown) {
    const [x0, y0, x1, y1] = bounds(boxes);
    const w = visibleWidth();
    const h = chart.clientHeight;
    const room = Math.min((w - 2 * MARGIN) / (x1 - x0), (h - 2 * MARGIN) / (y1 - y0 + 9)); // 9: a toggle
    const k = Math.max(0.02, Math.min(maxScale, room));
    return d3.zoomIdentity.translate(w / 2 - (k * (x0 + x1)) / 2, h / 2 - (k * (y0 + y1)) / 2).scale(k);
  }

  function fit() {
    animated().call(zoom.transform, readableFit());
  }

  /** The top of the largest tree shown: the top role, or under the top added above a
   * forest, its shown tree with the most roles. */
  function largestTop() {
    const top = tops[0];
    if (tops.length !== 1 || !(D.flags[top] & FOREST) || !open[top]) return top;
    let best = top;
    for (const c of shownKids(top)) if (!isFold(c) && (best === top || below[c] > below[best])) best = c;
    return best;
  }

  /** The shown boxes of the tree under box `t` (itself included). */
  function shownUnder(t) {
    const out = [];
    for (const n of shown) {
      let p = isFold(n) ? D.folds[n - N][0] : n;
      while (p >= 0 && p !== t) p = parent[p];
      if (p === t) out.push(n);
    }
    return out;
  }

  /** The view that a fit gives: the whole chart if its text is readable so (8 px at
   * least); else the largest tree, if it is; else the top of the largest tree at the
   * smallest readable scale. The top of what is fitted is near the top of the window. */
  function readableFit() {
    let fitted = fitTransform(1);
    let boxes = shown;
    if (fitted.k < READABLE && tops.length) {
      const t = largestTop();
      boxes = [...shownUnder(t)];
      for (let p = t; p >= 0; p = parent[p]) boxes.push(p); // and the boxes above it
      fitted = fitTransform(1, boxes);
      if (fitted.k < READABLE) {
        const k = READABLE;
        const x = visibleWidth() / 2 - k * (X[t] + BW / 2);
        return d3.zoomIdentity.translate(x, MARGIN - k * bounds()[1]).scale(k);
      }
    }
    return d3.zoomIdentity.translate(fitted.x, MARGIN - fitted.k * bounds(boxes)[1]).scale(fitted.k);
  }

  /** The first view: as a fit gives it (see readableFit). */
  function firstView() {
    stage.call(zoom.transform, readableFit());
  }

  /** Moves the view so that box n is in the middle, at a readable scale. */
  function centerOn(n) {
    const k = Math.max(d3.zoomTransform(chart).k, 0.8);
    const to = d3.zoomIdentity
      .translate(visibleWidth() / 2 - k * (X[n] + BW / 2), chart.clientHeight / 2 - k * (Y[n] + H[n] / 2))
      .scale(k);
    stage.interrupt();
    animated().call(zoom.transform, to);
  }

  function inView(n) {
    const t = d3.zoomTransform(chart);
    const [x, y] = t.apply([X[n], Y[n]]);
    return x >= 0 && y >= 0 && x + BW * t.k <= visibleWidth() && y + H[n] * t.k <= chart.clientHeight;
  }

  /** Runs change() and then pans so that box n stays where it was on the screen. */
  function keepStill(n, change) {
    const x = X[n];
    const y = Y[n];
    change();
    if (shownFlag[n]) zoom.translateBy(stage, x - X[n], y - Y[n]);
  }

  function toggle(n) {
    if (!canToggle(n)) return;
    keepStill(n, () => {
      if (isFold(n)) unfolded[n - N] ^= 1;
      else open[n] ^= 1;
      render();
    });
    if (isOpen(n)) showOpened(n);
  }

  /** After box n opens: pans so that it and the boxes it opened are in view if they fit at
   * this scale, else so that it is at the top, centred, with its reports below. */
  function showOpened(n) {
    const opened = isFold(n) ? D.folds[n - N][1] : shownKids(n);
    let [x0, y0, x1, y1] = [X[n], Y[n], X[n] + BW, Y[n] + H[n]];
    for (const c of opened) {
      if (!shownFlag[c]) continue;
      x0 = Math.min(x0, X[c]);
      y0 = Math.min(y0, Y[c]);
      x1 = Math.max(x1, X[c] + BW);
      y1 = Math.max(y1, Y[c] + H[c]);
    }
    const t = d3.zoomTransform(chart);
    const [left, top, right, bottom] = [t.applyX(x0), t.applyY(y0), t.applyX(x1), t.applyY(y1)];
    const w = visibleWidth();
    const h = chart.clientHeight;
    let dx = 0;
    let dy = 0;
    if (right - left > w - 2 * MARGIN) dx = w / 2 - t.applyX(X[n] + BW / 2);
    else if (left < MARGIN) dx = MARGIN - left;
    else if (right > w - MARGIN) dx = w - MARGIN - right;
    if (bottom - top > h - 2 * MARGIN || top < MARGIN) dy = MARGIN - top;
    else if (bottom > h - MARGIN) dy = h - MARGIN - bottom;
    if (dx || dy) zoom.translateBy(animated(), dx / t.k, dy / t.k);
  }

  /** Opens the managers above box n and unfolds its group, so that it is drawn. */
  function reveal(n) {
    if (!isFold(n) && foldOf[n] >= 0) unfolded[foldOf[n]] = 1;
    let p = isFold(n) ? D.folds[n - N][0] : parent[n];
    while (p >= 0) {
      open[p] = 1;
      if (foldOf[p] >= 0) unfolded[foldOf[p]] = 1; // a tree kept behind a forest's box
      p = parent[p];
    }
    render();
  }

  // -- search ------------------------------------------------------------------------------
  let haystack = null; // each role's id, title and holders as plain words, made on first search
  let matches = [];
  let current = -1;
  let lastQuery = "";
  const isMatch = new Uint8Array(N + F);
  const plain = (s) =>
    /[^\x00-\x7f]/.test(s) ? s.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase() : s.toLowerCase();
  // " words separated by single spaces": a term matches where " " + term is found, that
  // is at the start of a word ("dir" finds "Director"; "cto" finds "CTO" but not "Director").
  const asWords = (s) => " " + plain(s).replace(/[^\p{L}\p{N}]+/gu, " ");

  /** The roles whose id, title, holders or responsibilities have words starting with every
   * word of the query, in pre-order. */
  function find(query) {
    const terms = plain(query)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
      .map((term) => " " + term);
    if (!terms.length) return [];
    if (!haystack) {
      haystack = new Array(N);
      for (let i = 0; i < N; i++) {
        haystack[i] = asWords(`${D.ids[i]} ${D.titles[D.titleOf[i]]} ${D.names[i]}`);
      }
    }
    const resps = D.resps.map(([id, label]) => asWords(`${id} ${label}`));
    const viaResps = terms.map((term) => {
      const hit = resps.map((r) => r.includes(term));
      return D.rsets.map((set) => set.some((r) => hit[r]));
    });
    const found = [];
    for (let i = 0; i < N; i++) {
      if (terms.every((term, k) => haystack[i].includes(term) || viaResps[k][D.rset[i]])) found.push(i);
    }
    return found;
  }

  function search(query) {
    const t0 = performance.now();
    lastQuery = query;
    for (const n of matches) isMatch[n] = 0;
    for (let f = 0; f < F; f++) isMatch[N + f] = 0;
    matches = find(query);
    for (const n of matches) {
      isMatch[n] = 1;
      if (foldOf[n] >= 0) isMatch[N + foldOf[n]] = 1; // a folded group shows it holds a match
    }
    current = -1;
    if (matches.length) step(1);
    else {
      paintMarks();
      showCount();
    }
    api.lastSearch = performance.now() - t0;
  }

  function step(delta) {
    if (!matches.length) return;
    current = (current + delta + matches.length) % matches.length;
    const n = matches[current];
    reveal(n);
    centerOn(n);
    showCount();
  }

  function showCount() {
    const count = byId("search-count");
    if (!lastQuery.trim()) count.textContent = "";
    else if (!matches.length) count.textContent = W.no_match;
    else {
      const values = { i: number.format(current + 1), n: number.format(matches.length) };
      count.textContent = fill(W.position, values);
    }
  }

  let searchTimer = 0;
  // As the reader types, from two letters on (one letter finds too much to be useful);
  // Enter searches for whatever is typed.
  searchBox.addEventListener("input", () => {
    clearTimeout(searchTimer);
    const query = searchBox.value;
    if (query.trim().length >= 2 || !query.trim()) {
      searchTimer = setTimeout(() => search(query), N > 5000 ? 200 : 80);
    }
  });
  searchBox.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      clearTimeout(searchTimer);
      if (searchBox.value !== lastQuery) search(searchBox.value);
      else step(event.shiftKey ? -1 : 1);
    } else if (event.key === "Escape") {
      searchBox.blur();
    }
  });
  byId("search-next").addEventListener("click", () => step(1));
  byId("search-previous").addEventListener("click", () => step(-1));

  let selected = -1;

  function paintMarks() {
    const at = matches[current];
    for (const [n, g] of elementOf) {
      g.classList.toggle("match", isMatch[n] === 1 && n !== at);
      g.classList.toggle("current", n === at);
      g.classList.toggle("selected", n === selected);
    }
  }

  // -- details panel --------------------------------------------------------------------------
  let details = null;
  const info = () => details || (details = JSON.parse(byId("orgroles-details").textContent));

  /** An HTML element with attributes and children; strings become text nodes. */
  function html(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) el.setAttribute(key, value);
    for (const child of children) el.append(child); // append() makes strings text nodes
    return el;
  }

  function section(title, ...content) {
    return [html("h3", null, title), ...content];
  }

  /** A button that selects a role: its title and who holds it. */
  function roleLink(n) {
    const text = isFold(n) ? titleOf(n) : D.names[n] ? `${titleOf(n)} \u00b7 ${D.names[n]}` : titleOf(n);
    const button = html("button", { type: "button", class: "link" }, text);
    button.addEventListener("click", () => select(n, true));
    return button;
  }

  function externalLink(url, text) {
    if (!/^(https?|mailto):/i.test(url)) return html("span", null, text);
    return html("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, text);
  }

  /** Violations as boxes with a coloured edge (set through the CSSOM, which the page's
   * security policy allows, unlike style attributes). */
  function violationList(rows) {
    return rows.map(([code, name, severity, message]) => {
      const color = G.severityColors[severity] || G.severityColors.info;
      const badge = html("span", { class: "severity" }, W[severity] || severity);
      badge.style.background = color;
      const rule = html("span", { class: "code" }, `${code} ${name}`);
      const box = html("div", { class: "violation" }, badge, " ", rule, html("p", null, message));
      box.style.borderColor = color;
      return box;
    });
  }

  /** The details of a box that stands for no role of the file: a manager that is not in
   * it, or the top added above a forest. */
  function standInDetails(n) {
    const out = [html("h2", { id: "panel-title" }, titleOf(n))];
    for (const [, line] of linesOf(n).slice(1)) out.push(html("p", { class: "mark" }, line));
    if (kidCount(n)) {
      const counts = { direct: number.format(kidCount(n)), total: number.format(below[n]) };
      out.push(...section(W.reports, html("p", null, fill(W.reports_count, counts))));
    }
    return out;
  }

  function roleDetails(n) {
    if (isStandIn(n)) return standInDetails(n);
    const I = info();
    const out = [html("h2", { id: "panel-title" }, titleOf(n)), html("p", { class: "id" }, D.ids[n])];
    const flags = D.flags[n];
    const holders = I.holders[n].map((k) => {
      const [name, address] = I.people[k];
      const li = html("li", null, name);
      if (flags & ACTING) li.append(" ", html("span", { class: "mark" }, `(${W.acting})`));
      if (address) li.append(" \u00b7 ", externalLink(`mailto:${address}`, decodeMail(address)));
      return li;
    });
    const held = holders.length ? html("ul", null, ...holders) : html("p", { class: "vacant" }, W.vacant);
    out.push(...section(W.held_by, held));
    const kind = I.kind[n];
    if (kind >= 0) {
      const [id, title] = I.kinds[kind];
      out.push(...section(W.kind, html("p", null, title && title !== id ? `${title} (${id})` : id)));
    }
    if (kidCount(n)) {
      const counts = { direct: number.format(kidCount(n)), total: number.format(below[n]) };
      const text = fill(W.reports_count, counts);
      out.push(...section(W.reports, html("p", null, text)));
    }
    out.push(...section(W.team, teamOf(n, I)));
    const chain = [];
    for (let p = n; p >= 0; p = parent[p]) chain.unshift(p);
    const link = (p) => (p === n ? html("li", { class: "here" }, titleOf(p)) : html("li", null, roleLink(p)));
    const items = chain.map(link);
    out.push(...section(W.chain, html("ol", { class: "chain" }, ...items)));
    const dotted = D.dotted.filter(([, b]) => b === n).map(([a]) => html("li", null, roleLink(a)));
    if (dotted.length) out.push(...section(W.dotted, html("ul", null, ...dotted)));
    out.push(...section(W.responsibilities, ...responsibilities(n)));
    const found = I.violations[n];
    if (found) out.push(...section(W.violations, ...violationList(found)));
    const url = I.urls[n];
    if (url) out.push(...section(W.link, html("p", null, externalLink(url, url))));
    return out;
  }

  function decodeMail(address) {
    try {
      return decodeURIComponent(address);
    } catch (error) {
      return address;
    }
  }

  function teamOf(n, I) {
    const declared = I.team[n];
    if (declared) {
      return html(
        "ul",
        null,
        ...declared.map((k) => {
          const [, name, lead] = I.teams[k];
          const li = html("li", null, name);
          if (lead >= 0 && lead !== n) li.append(` \u2014 ${W.led_by} `, roleLink(lead));
          return li;
        }),
      );
    }
    // No declared team: the role works in its manager's group (a top role, in its own).
    const lead = parent[n] >= 0 ? parent[n] : n;
    const name = fill(W.team_of, { title: titleOf(lead) });
    if (lead === n) return html("p", null, name);
    const button = html("button", { type: "button", class: "link" }, name);
    button.addEventListener("click", () => select(lead, true));
    return html("p", null, button);
  }

  function responsibilities(n) {
    const groups = new Map();
    for (const r of D.rsets[D.rset[n]]) {
      const [, label, category] = D.resps[r];
      const key = category || "other";
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(label);
    }
    if (!groups.size) return [html("p", { class: "mark" }, W.none)];
    const out = [];
    for (const key of [...D.categories, "other"]) {
      if (!groups.has(key)) continue;
      const items = groups.get(key).map((label) => html("li", null, label));
      out.push(html("h4", null, W[key] || key), html("ul", null, ...items));
    }
    return out;
  }

  function foldDetails(n) {
    const members = D.folds[n - N][1];
    const I = info();
    const out = [html("h2", { id: "panel-title" }, titleOf(n))];
    out.push(...section(W.members, html("ul", null, ...members.map((m) => html("li", null, roleLink(m))))));
    const found = [];
    for (const m of members) {
      for (const [code, name, severity, message] of I.violations[m] || []) {
        found.push([code, name, severity, `${D.ids[m]}: ${message}`]);
      }
    }
    if (found.length) out.push(...section(W.violations, ...violationList(found)));
    return out;
  }

  function showPanel(content) {
    panelBody.replaceChildren(...content);
    panel.hidden = false;
    panel.scrollTop = 0;
  }

  function closePanel() {
    panel.hidden = true;
    selected = -1;
    paintMarks();
  }

  /** Shows the details of box n; `bring` reveals it and moves the view to it. */
  function select(n, bring) {
    selected = n;
    if (bring) reveal(n);
    showPanel(isFold(n) ? foldDetails(n) : roleDetails(n));
    paintMarks();
    if (bring || !inView(n)) centerOn(n);
  }

  nodesLayer.addEventListener("click", (event) => {
    const g = event.target.closest(".node");
    if (!g) return;
    const n = Number(g.dataset.n);
    if (isFold(n) || event.target.closest(".toggle")) toggle(n);
    else select(n, false);
  });
  nodesLayer.addEventListener("focusin", (event) => {
    const g = event.target.closest(".node");
    if (g && g.matches(":focus-visible") && !inView(Number(g.dataset.n))) centerOn(Number(g.dataset.n));
  });
  byId("panel-close").addEventListener("click", closePanel);

  if (D.problems.length) {
    const button = byId("problems");
    button.textContent = `\u26a0 ${number.format(D.problems.length)}`;
    button.hidden = false;
    button.addEventListener("click", () =>
      showPanel([html("h2", { id: "panel-title" }, W.problems), ...violationList(D.problems)]),
    );
  }

  // -- what the chart says under its title (a reporting cycle, a role that reports to itself)
  if (D.notes.length) {
    const notes = html("ul", { id: "notes" });
    for (const [, text] of D.notes) notes.append(html("li", null, text));
    byId("stage").append(notes);
  }

  // -- the legend of the colours ----------------------------------------------------------------
  const lineLegend = D.lineLegend || [];
  if (D.legend.length || lineLegend.length || (CH && CH.legend.length)) {
    const legend = html("ul", { id: "legend", "aria-label": W.legend });
    for (const [label, fill, stroke] of D.legend) {
      const swatch = html("span", { class: "swatch" });
      swatch.style.background = fill;
      swatch.style.borderColor = stroke;
      legend.append(html("li", null, swatch, label));
    }
    for (const label of lineLegend) {
      // What a dotted line is: a dash in the colour of the dotted lines.
      const swatch = html("span", { class: "swatch line" });
      swatch.style.borderTopColor = G.dottedColor;
      legend.append(html("li", null, swatch, label));
    }
    for (const [label, kind] of CH ? CH.legend : []) {
      // The changes of a change chart, on a line of their own.
      const swatch = html("span", { class: `swatch change ${kind}` });
      swatch.style.background = kind === "removed" ? CH.ghost : "#ffffff";
      swatch.style.borderColor = CH.colors[kind];
      if (kind === "removed") swatch.style.borderStyle = "dashed";
      legend.append(html("li", { class: "change" }, swatch, label));
    }
    byId("stage").append(legend);
  }

  // -- download the view as SVG -------------------------------------------------------------
  /** The shown boxes and lines as a standalone SVG document, without the page's controls. */
  function svgMarkup() {
    const [x0, y0, x1, y1] = bounds();
    const pad = 16;
    const w = Math.ceil(x1 - x0 + 2 * pad);
    const h = Math.ceil(y1 - y0 + 2 * pad);
    const out = svg("svg", { xmlns: SVG_NS, width: w, height: h, viewBox: `0 0 ${w} ${h}` });
    const title = svg("title");
    title.textContent = D.title;
    const copy = viewport.cloneNode(true);
    copy.removeAttribute("id");
    copy.setAttribute("transform", `translate(${pad - x0},${pad - y0})`);
    for (const el of copy.querySelectorAll(".toggle")) el.remove();
    for (const el of copy.querySelectorAll("[id], [tabindex]")) {
      for (const name of ["id", "tabindex", "role", "aria-label", "aria-expanded", "data-n"]) {
        el.removeAttribute(name);
      }
    }
    out.append(title, svg("rect", { width: w, height: h, fill: "#ffffff" }), copy);
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(out) + "\n";
  }

  function download() {
    const blob = new Blob([svgMarkup()], { type: "image/svg+xml" });
    const url = URL.createObjectURL(blob);
    const a = html("a", { href: url, download: `${slug(D.title)}.svg` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  const slug = (text) => plain(text).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "org-chart";

  byId("fit").addEventListener("click", fit);
  byId("download").addEventListener("click", download);

  // -- keyboard and help -----------------------------------------------------------------------
  let helpReturn = null;
  function toggleHelp() {
    if (help.hidden) {
      helpReturn = document.activeElement;
      help.hidden = false;
      byId("help-close").focus();
    } else {
      help.hidden = true;
      if (helpReturn && helpReturn.focus) helpReturn.focus();
    }
  }
  byId("help-button").addEventListener("click", toggleHelp);
  byId("help-close").addEventListener("click", toggleHelp);
  help.addEventListener("click", (event) => {
    if (event.target === help) toggleHelp();
  });

  // Which way each key moves the chart: ← shows what is on the left, so the chart goes right.
  const PAN = {
    ArrowLeft: [1, 0],
    a: [1, 0],
    ArrowRight: [-1, 0],
    d: [-1, 0],
    ArrowUp: [0, 1],
    w: [0, 1],
    ArrowDown: [0, -1],
    s: [0, -1],
  };

  document.addEventListener("keydown", (event) => {
    if (event.target === searchBox || event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    const focused = event.target.closest ? event.target.closest(".node") : null;
    if (key === "Escape") {
      if (!help.hidden) toggleHelp();
      else if (!panel.hidden) closePanel();
      return;
    }
    if (key === "?") toggleHelp();
    else if (!help.hidden) return; // the help sheet is modal
    else if (PAN[key]) {
      const stepPx = event.shiftKey ? 240 : 80;
      const k = d3.zoomTransform(chart).k;
      zoom.translateBy(stage, (PAN[key][0] * stepPx) / k, (PAN[key][1] * stepPx) / k);
    } else if (key === "+" || key === "=") zoom.scaleBy(animated(), 1.25);
    else if (key === "-" || key === "_") zoom.scaleBy(animated(), 0.8);
    else if (key === "0") fit();
    else if (key === "/") {
      searchBox.focus();
      searchBox.select();
    } else if ((key === "Enter" || key === " ") && focused) {
      const n = Number(focused.dataset.n);
      if (canToggle(n)) toggle(n);
      else select(n, false);
      focused.focus();
    } else if (key === "i" && focused) select(Number(focused.dataset.n), false);
    else return;
    event.preventDefault();
  });

  // -- start ------------------------------------------------------------------------------------
  render();
  // A chart too wide to read whole (its width fits the window only below the readable
  // scale) opens fewer layers, down to its top and the top's reports (under a forest's
  // top: the trees' tops and their reports), so that a wide org opens on its top rather
  // than on a slice of its third layer, in a wide window as in a narrow one. A tall chart
  // keeps its layers (a notebook's frame is short), and so does a change chart: its
  // changes are what it shows.
  const least = tops.length === 1 && D.flags[tops[0]] & FOREST ? 2 : 1;
  const tooWide = () => {
    const [x0, , x1] = bounds();
    return (visibleWidth() - 2 * MARGIN) / (x1 - x0) < READABLE;
  };
  const begin = () => {
    for (let start = D.start; !CH && start > least && tooWide(); ) {
      start--;
      for (let i = 0; i < N; i++) if (depth[i] >= start) open[i] = 0;
      render();
    }
    firstView();
    api.firstView = shown.length;
    api.svg = svgMarkup;
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        api.ready = performance.now(); // the first view is drawn and answers
        document.documentElement.setAttribute("data-ready", "");
      }),
    );
  };
  // A notebook's frame may not be laid out yet when its page runs (a busy machine): with
  // no width, every chart is too wide, and it opened on its top alone. The first view
  // waits for the frame's width (a second at most).
  let frames = 0;
  const whenLaidOut = () =>
    chart.clientWidth > 0 || frames++ > 60 ? begin() : requestAnimationFrame(whenLaidOut);
  whenLaidOut();
})();
