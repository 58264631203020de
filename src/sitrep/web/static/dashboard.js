// sitrep dashboard charts, drawn as SVG from the page's JSON twin. Data is only ever set with
// textContent or as numeric attributes, never as HTML.
"use strict";

const SVG = "http://www.w3.org/2000/svg";

function el(name, attrs, parent) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
  if (parent) parent.appendChild(node);
  return node;
}

function tip(node, text) {
  el("title", {}, node).textContent = text;
}

function viewBox(svg) {
  const box = svg.viewBox.baseVal;
  return { w: box.width, h: box.height };
}

function bars(svg, items, value, label, tipText) {
  const { w, h } = viewBox(svg);
  const pad = 24;
  const max = Math.max(1, ...items.map((d) => Math.abs(value(d))));
  const hasNeg = items.some((d) => value(d) < 0);
  const zero = hasNeg ? h / 2 : h - pad;
  const scale = (hasNeg ? h / 2 - pad : h - 2 * pad) / max;
  const step = (w - 2 * pad) / Math.max(1, items.length);
  el("line", { x1: pad, x2: w - pad, y1: zero, y2: zero, class: "axis" }, svg);
  items.forEach((d, i) => {
    const v = value(d);
    const height = Math.max(1, Math.abs(v) * scale);
    const bar = el("rect", {
      x: pad + i * step + 1, width: Math.max(1, step - 2),
      y: v >= 0 ? zero - height : zero, height: height, class: v < 0 ? "bar neg" : "bar",
    }, svg);
    tip(bar, tipText(d));
  });
  const ends = items.length ? [items[0], items[items.length - 1]] : [];
  ends.forEach((d, i) => {
    const text = el("text", { x: i ? w - pad : pad, y: h - 6, class: "label", "text-anchor": i ? "end" : "start" }, svg);
    text.textContent = label(d);
  });
  el("text", { x: 2, y: 12, class: "label" }, svg).textContent = String(Math.round(max * 10) / 10);
}

function drawTimeline(data) {
  const svg = document.getElementById("timeline");
  if (!svg) return;
  bars(svg, data.timeline.bins, (d) => d.count, (d) => d.start,
       (d) => `${d.start}: ${d.count} events, Goldstein ${d.goldstein}`);
}

function drawEscalation(data) {
  const svg = document.getElementById("escalation");
  if (!svg || !data.escalation) return;
  bars(svg, data.escalation.series, (d) => d.goldstein, (d) => d.week,
       (d) => `week of ${d.week}: Goldstein ${d.goldstein} over ${d.count} events`);
}

function project(lon, lat, w, h) {
  return [((lon + 180) / 360) * w, ((90 - lat) / 180) * h];
}

function drawMap(world, data) {
  const svg = document.getElementById("map");
  if (!svg) return;
  const { w, h } = viewBox(svg);
  const layer = el("g", {}, svg);
  for (const country of world.countries) {
    const d = country.rings.map((ring) => "M" + ring.map(([lon, lat]) => project(lon, lat, w, h)
      .map((n) => n.toFixed(1)).join(",")).join("L") + "Z").join("");
    tip(el("path", { d: d, class: "country" }, layer), country.name);
  }
  const maxCount = Math.max(1, ...data.places.map((p) => p.count));
  for (const place of data.places) {
    const [x, y] = project(place.lon, place.lat, w, h);
    const dot = el("circle", { cx: x, cy: y, r: 2.5 + 5 * Math.sqrt(place.count / maxCount), class: "dot" }, svg);
    tip(dot, `${place.name}: ${place.count} events`);
  }
}

function drawNetwork(data) {
  const svg = document.getElementById("network");
  if (!svg) return;
  const { w, h } = viewBox(svg);
  const nodes = data.network.nodes;
  const radius = Math.min(w, h) / 2 - 40;
  const at = new Map();
  nodes.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, nodes.length) - Math.PI / 2;
    at.set(node.code, [w / 2 + radius * Math.cos(angle), h / 2 + radius * Math.sin(angle)]);
  });
  const maxEdge = Math.max(1, ...data.network.edges.map((e) => e.count));
  for (const edge of data.network.edges) {
    const [x1, y1] = at.get(edge.source);
    const [x2, y2] = at.get(edge.target);
    const line = el("line", { x1, y1, x2, y2, class: "edge", "stroke-width": 0.5 + 5 * (edge.count / maxEdge) }, svg);
    tip(line, `${edge.source} → ${edge.target}: ${edge.count} events`);
  }
  const maxNode = Math.max(1, ...nodes.map((n) => n.count));
  for (const node of nodes) {
    const [x, y] = at.get(node.code);
    const link = el("a", { href: "/?actor=" + encodeURIComponent(node.code) }, svg);
    tip(el("circle", { cx: x, cy: y, r: 3 + 7 * Math.sqrt(node.count / maxNode), class: "node" }, link),
        `${node.code}: ${node.count} dyadic events`);
    const text = el("text", { x: x, y: y - 12, class: "node-label", "text-anchor": "middle" }, link);
    text.textContent = node.code;
  }
}

async function main() {
  const link = document.querySelector('link[rel="alternate"][type="application/json"]');
  const data = await (await fetch(link.href)).json();
  drawTimeline(data);
  drawNetwork(data);
  drawEscalation(data);
  const world = await (await fetch("/web/boundaries.json")).json();
  drawMap(world, data);
  document.body.dataset.drawn = "yes";
}

main().catch((err) => {
  document.body.dataset.drawn = "failed";
  console.error(err);
});
