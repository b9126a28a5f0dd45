// ita-extract review report: renders the overview, a document and the comparison
// from the data files (overview.js, docs/<id>.js, compare.js), which call ITA.*().
// Plain DOM, no framework; data goes in through textContent, never as HTML.
"use strict";
var ITA = (function () {
  var SVGNS = "http://www.w3.org/2000/svg";
  function el(tag, attrs, kids) {
    var e = tag.indexOf("svg:") === 0 ? document.createElementNS(SVGNS, tag.slice(4)) : document.createElement(tag);
    for (var k in attrs || {}) {
      if (attrs[k] === null || attrs[k] === undefined) continue;
      if (k === "text") e.textContent = attrs[k];
      else if (k === "on") for (var ev in attrs.on) e.addEventListener(ev, attrs.on[ev]);
      else e.setAttribute(k, attrs[k]);
    }
    (kids || []).forEach(function (c) { if (c) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return e;
  }
  function main() { var m = document.getElementById("main"); m.textContent = ""; return m; }
  function show(v) { return v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v); }
  function section(title, kids, cls) { return el("section", { "class": cls || null }, [el("h2", { text: title })].concat(kids)); }
  function counts(obj) {
    return el("div", { "class": "counts" }, Object.keys(obj).map(function (k) {
      return el("span", { "class": "count" }, [el("b", { text: String(obj[k]) }), k]);
    }));
  }
  // A bar chart: rows of [label, value, max, shown text].
  function bars(rows, cls) {
    var max = rows.reduce(function (m, r) { return Math.max(m, r[1]); }, 0) || 1;
    var d = el("div", { "class": "bars", role: "img" });
    rows.forEach(function (r) {
      d.appendChild(el("span", { text: r[0] }));
      d.appendChild(el("div", {}, [el("div", { "class": "bar " + (cls || ""), style: "width:" + (100 * r[1] / (r[2] || max)).toFixed(1) + "%" })]));
      d.appendChild(el("span", { text: r[3] === undefined ? String(r[1]) : r[3] }));
    });
    return d;
  }

  // --- overview ----------------------------------------------------------------------
  function overview(data) {
    var m = main();
    m.appendChild(el("div", { "class": "grid" }, [
      section("Documents: " + data.documents, [el("h2", { text: "by status" }), counts(data.by_status), el("h2", { text: "by document kind" }), counts(data.by_kind)]),
      section("Flags by code", [bars(Object.keys(data.by_flag).map(function (k) { return [k, data.by_flag[k]]; }).sort(function (a, b) { return b[1] - a[1]; }), "flag")]),
      section("Score distribution", [bars(data.scores.map(function (n, i) { return [(i * 5) + "-" + (i * 5 + 5), n]; }).filter(function (r, i, a) { return r[1] > 0 || a.slice(0, i).some(function (x) { return x[1] > 0; }); }), "score")]),
    ]));
    var rate = function (x) { return [x.code, x.rate, 1, (100 * x.rate).toFixed(0) + "% (" + x.counts[0] + ")"]; };
    m.appendChild(el("div", { "class": "grid" }, [
      section("Completion rate per OIT item (done / " + data.counted + " documents not failed)", [bars(data.items.map(rate))]),
      section("Completion rate per indicator", [bars(data.indicators.map(rate))]),
    ]));
    m.appendChild(docTable(data));
  }
  function docTable(data) {
    var cols = data.columns, rows = data.rows, PAGE = 50;
    var state = { sort: 0, dir: 1, page: 0, q: {} };
    var shownCols = ["agency", "province", "year", "score", "level", "status", "kind", "items_done", "flags"];
    var idx = function (c) { return cols.indexOf(c); };
    var tbody = el("tbody"), info = el("span"), headRow = el("tr");
    var filters = el("div", { "class": "filters" });
    ["agency", "province", "year", "level", "status", "kind"].forEach(function (c) {
      filters.appendChild(el("input", { type: "search", placeholder: c, "aria-label": "filter " + c, "data-col": c, on: { input: function (e) { state.q[c] = e.target.value.toLowerCase(); state.page = 0; draw(); } } }));
    });
    filters.appendChild(el("input", { type: "number", placeholder: "min score", "aria-label": "minimum score", on: { input: function (e) { state.min = e.target.value === "" ? null : Number(e.target.value); state.page = 0; draw(); } } }));
    filters.appendChild(el("input", { type: "number", placeholder: "min flags", "aria-label": "minimum flags", on: { input: function (e) { state.minFlags = e.target.value === "" ? null : Number(e.target.value); state.page = 0; draw(); } } }));
    ["id"].concat(shownCols).forEach(function (c) {
      headRow.appendChild(el("th", { text: c, scope: "col", on: { click: function () { var i = idx(c); state.dir = state.sort === i ? -state.dir : 1; state.sort = i; draw(); } } }));
    });
    function draw() {
      var f = rows.filter(function (r) {
        for (var c in state.q) if (state.q[c] && show(r[idx(c)]).toLowerCase().indexOf(state.q[c]) < 0) return false;
        if (state.min != null && !(r[idx("score")] >= state.min)) return false;
        if (state.minFlags != null && !(r[idx("flags")] >= state.minFlags)) return false;
        return true;
      });
      var s = state.sort, d = state.dir;
      f.sort(function (a, b) {
        var x = a[s], y = b[s];
        if (x === y) return 0; if (x === null) return 1; if (y === null) return -1;
        return (typeof x === "number" && typeof y === "number" ? x - y : show(x).localeCompare(show(y))) * d;
      });
      Array.prototype.forEach.call(headRow.children, function (th) { th.removeAttribute("aria-sort"); if (idx(th.textContent) === s) th.setAttribute("aria-sort", d > 0 ? "ascending" : "descending"); });
      var pages = Math.max(1, Math.ceil(f.length / PAGE));
      state.page = Math.min(state.page, pages - 1);
      tbody.textContent = "";
      f.slice(state.page * PAGE, state.page * PAGE + PAGE).forEach(function (r) {
        var tr = el("tr", {}, [el("td", {}, [el("a", { href: "doc.html#" + encodeURIComponent(r[0]), text: r[0], title: show(r[idx("path")]) })])]);
        shownCols.forEach(function (c) {
          var v = c === "items_done" ? r[idx("items_done")] + "/" + r[idx("items")] : show(r[idx(c)]);
          tr.appendChild(el("td", { text: v }));
        });
        tbody.appendChild(tr);
      });
      info.textContent = f.length + " of " + rows.length + " documents, page " + (state.page + 1) + " of " + pages;
    }
    var pager = el("div", { "class": "pager" }, [
      el("button", { text: "previous", on: { click: function () { state.page = Math.max(0, state.page - 1); draw(); } } }),
      el("button", { text: "next", on: { click: function () { state.page += 1; draw(); } } }), info]);
    var sec = section("Documents", [filters, el("div", { "class": "tablewrap" }, [el("table", { id: "docs" }, [el("thead", {}, [headRow]), tbody])]), pager]);
    draw();
    return sec;
  }

  // --- one document -------------------------------------------------------------------
  var tip;
  function tipOn(o) {
    return function (e) {
      tip = tip || document.getElementById("tip");
      tip.textContent = o.label + " = " + show(o.value) + (o.rule ? "\nrule: " + o.rule : "") + (o.flags.length ? "\nflags: " + o.flags.join(", ") : "");
      tip.style.whiteSpace = "pre-line";
      tip.hidden = false;
      tip.style.left = Math.min(e.clientX + 12, window.innerWidth - 370) + "px";
      tip.style.top = (e.clientY + 12) + "px";
    };
  }
  function tipOff() { if (tip) tip.hidden = true; }
  function choose(id) {
    document.querySelectorAll(".active").forEach(function (n) { n.classList.remove("active"); });
    // The outline itself, or in text, every piece of text it covers.
    var nodes = document.querySelectorAll('[data-outline="' + id + '"], [data-outlines~="' + id + '"]');
    nodes.forEach(function (n) { n.classList.add("active"); });
    if (nodes.length) nodes[0].scrollIntoView({ block: "center" });
    return nodes.length;
  }
  function pdfPage(p, outs) {
    var H = p.height, svg = el("svg:svg", { "class": "pdf", viewBox: "0 0 " + p.width + " " + H, "data-page": p.number, preserveAspectRatio: "xMinYMin meet" });
    var rect = function (b, cls) { return el("svg:rect", { x: b[0], y: H - b[3], width: Math.max(b[2] - b[0], 0.5), height: Math.max(b[3] - b[1], 0.5), "class": cls }); };
    if (p.image) {
      // A scan: its page image under the OCR text, which is then drawn faint.
      var ib = p.image.bbox;
      svg.appendChild(el("svg:image", { href: p.image.href, x: ib[0], y: H - ib[3], width: ib[2] - ib[0], height: ib[3] - ib[1], "class": "scan", preserveAspectRatio: "none" }));
      svg.setAttribute("class", "pdf scanned");
    }
    p.cells.forEach(function (b) { svg.appendChild(rect(b, "cell")); });
    p.boxes.forEach(function (b) { svg.appendChild(rect(b, "cb" + (b[4] ? " on" : ""))); });
    p.texts.forEach(function (t) {
      var h = Math.max(t[3] - t[1], 1), w = Math.max(t[2] - t[0], 1);
      svg.appendChild(el("svg:text", { x: t[0], y: H - t[1] - h * 0.22, "class": "t", style: "font-size:" + (h * 0.8).toFixed(2) + "px", textLength: w.toFixed(2), lengthAdjust: "spacingAndGlyphs", text: t[4] }));
    });
    outs.forEach(function (o) {
      if (!o.bbox) return;
      var r = rect(o.bbox, "ol s-" + o.status);
      r.setAttribute("data-outline", o.id);
      r.addEventListener("mousemove", tipOn(o)); r.addEventListener("mouseleave", tipOff);
      r.addEventListener("click", function () { choose(o.id); });
      svg.appendChild(r);
    });
    return svg;
  }
  // The text with each outline's range marked (outlines may nest; marks are cut at every
  // boundary, each piece marked with the innermost outline).
  function marked(text, outs, key) {
    var cuts = [0, text.length];
    outs.forEach(function (o) { if (o[key]) { cuts.push(o[key][0], o[key][1]); } });
    cuts = cuts.filter(function (c, i, a) { return a.indexOf(c) === i; }).sort(function (a, b) { return a - b; });
    var pre = el("pre");
    for (var i = 0; i + 1 < cuts.length; i++) {
      var a = cuts[i], b = cuts[i + 1], inner = null;
      outs.forEach(function (o) { var r = o[key]; if (r && r[0] <= a && b <= r[1] && r[1] > r[0] && (!inner || r[1] - r[0] <= inner[key][1] - inner[key][0])) inner = o; });
      var piece = text.slice(a, b);
      if (!inner) { pre.appendChild(document.createTextNode(piece)); continue; }
      var all = outs.filter(function (o) { var r = o[key]; return r && r[0] <= a && b <= r[1] && r[1] > r[0]; }).map(function (o) { return o.id; });
      var mk = el("mark", { "class": "s-" + inner.status, "data-outline": inner.id, "data-outlines": all.join(" "), "data-side": key, text: piece });
      mk.addEventListener("mousemove", tipOn(inner)); mk.addEventListener("mouseleave", tipOff);
      pre.appendChild(mk);
    }
    return pre;
  }
  function textPage(p, outs) {
    return el("div", { "class": "texts", "data-page": p.number }, [
      el("div", {}, [el("h4", { text: "raw text (as read; spans marked)" }), marked(p.raw, outs, "raw_u16")]),
      el("div", {}, [el("h4", { text: "repaired text (the same spans, mapped)" }), marked(p.repaired, outs, "rep_u16")]),
    ]);
  }
  function doc(data) {
    var d = data.document, m = main(), outs = data.outlines;
    document.getElementById("title").textContent = (d.agency && d.agency.name) || data.id;
    document.title = data.id + " - ita-extract";
    var facts = [["status", d.status], ["kind", d.doc_kind], ["fiscal year", d.fiscal_year], ["score", d.overall_score], ["level", d.level], ["province", d.agency && d.agency.province], ["source", d.source && d.source.path], ["pages", d.source && d.source.pages]];
    var pagesBox = el("div", { "class": "pages" }, [
      el("section", {}, [el("div", { "class": "counts" }, facts.filter(function (f) { return f[1] !== null && f[1] !== undefined; }).map(function (f) { return el("span", { "class": "count" }, [el("b", { text: show(f[1]) }), f[0]]); })),
        data.pages_note ? el("p", { "class": "note", text: "Pages not drawn: " + data.pages_note }) : null])]);
    (data.pages || []).forEach(function (p) {
      var po = outs.filter(function (o) { return o.page === p.number; });
      pagesBox.appendChild(el("div", { "class": "page", id: "page-" + p.number }, [el("h3", { text: "page " + p.number }), p.kind === "pdf" ? pdfPage(p, po) : textPage(p, po)]));
    });
    var list = function (title, pick) {
      var items = outs.filter(pick);
      return items.length ? el("div", {}, [el("h2", { text: title + " (" + items.length + ")" }), el("ul", {}, items.map(function (o) {
        return el("li", {}, [el("button", { "class": "s-" + o.status, "data-choose": o.id, title: o.rule || "", on: { click: function () { choose(o.id); } }, text: o.label + " = " + show(o.value) + " (p. " + o.page + ")" + (o.flags.length ? " [" + o.flags.join(", ") + "]" : "") })]);
      }))]) : null;
    };
    var side = el("section", { "class": "side" }, [
      list("Flags", function (o) { return o.kind === "flags"; }),
      list("Values", function (o) { return o.kind !== "flags" && o.kind.indexOf("status_source") < 0; }),
      list("Boxes and labels", function (o) { return o.kind.indexOf("status_source") >= 0; }),
    ]);
    m.appendChild(pagesBox);
    m.appendChild(side);
    var target = location.hash.split("/")[1];
    if (target) choose(target);
  }
  function loadDoc() {
    var id = decodeURIComponent(location.hash.slice(1).split("/")[0]);
    if (!id) { main().appendChild(el("p", { text: "No document named: open doc.html#<id> from the overview." })); return; }
    var s = el("script", { src: "docs/" + encodeURIComponent(id) + ".js" });
    s.onerror = function () { main().appendChild(el("p", { text: "No data for document " + id + "." })); };
    document.body.appendChild(s);
  }

  // --- comparison ---------------------------------------------------------------------
  function compare(data) {
    var m = main();
    if (!data || !data.item_matrix) {
      m.appendChild(section("No comparison", [el("p", { text: "Build the report with --compare DIR, DIR an output folder of `ita-extract compare`." })]));
      return;
    }
    var mat = data.item_matrix, h = mat.header;
    var codes = h.map(function (c, i) { return [c, i]; }).filter(function (c) { return /^O\d+$/.test(c[0]); });
    var who = ["agency_name", "agency", "province", "fiscal_year"].map(function (c) { return h.indexOf(c); }).filter(function (i) { return i >= 0; });
    var docCol = h.indexOf("doc_id");
    var head = el("tr", {}, [el("th", { text: "agency / province / year" })].concat(codes.map(function (c) { return el("th", { text: c[0].slice(1), title: c[0] }); })));
    var body = el("tbody", {}, mat.rows.map(function (r) {
      var name = who.map(function (i) { return r[i]; }).filter(Boolean).join(" / ") || (docCol >= 0 ? r[docCol] : "");
      var cell = docCol >= 0 ? el("a", { href: "doc.html#" + encodeURIComponent(r[docCol]), text: name }) : name;
      return el("tr", {}, [el("td", {}, [cell])].concat(codes.map(function (c) {
        var v = r[c[1]] || ""; return el("td", { "class": "h" + (v ? " h-" + v : ""), title: c[0] + ": " + (v || "absent") });
      })));
    }));
    m.appendChild(section("Agency x OIT item (green done, red not done, amber in progress, purple conflict, tan unknown, blank absent)", [el("div", { "class": "tablewrap" }, [el("table", { "class": "heat" }, [el("thead", {}, [head]), body])])]));
    if (data.status_changes) {
      var sc = data.status_changes;
      m.appendChild(section("Status changes (" + sc.rows.length + ")", [el("div", { "class": "tablewrap" }, [el("table", {}, [el("thead", {}, [el("tr", {}, sc.header.map(function (c) { return el("th", { text: c }); }))]), el("tbody", {}, sc.rows.slice(0, 2000).map(function (r) { return el("tr", {}, r.map(function (c) { return el("td", { text: c }); })); }))])])]));
    }
  }

  if (document.body && document.body.getAttribute("data-view") === "doc") {
    loadDoc();
    window.addEventListener("hashchange", function () { location.reload(); });
  }
  return { overview: overview, doc: doc, compare: compare, choose: choose };
})();
