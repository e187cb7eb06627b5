// The newsroom page: send the article to POST /v1/quotes, show its quotes in the text.
//
// Plain ES2020, no build step, nothing loaded from elsewhere, and nothing inline
// in the HTML, so that a Content-Security-Policy of default-src 'self' holds.
// The article is only ever put into the page as text nodes (never innerHTML):
// whatever it holds, it is shown, not run.
//
// Offsets are asked for as `utf16`, JavaScript's own string indices, so that
// `text.slice(quote.start, quote.end)` is the quote even after an emoji.
//
// Rich text pasted from a web page or a word processor arrives with its HTML:
// that is sent as `html`, and the page then shows the text the service read
// (the answer's `text`), which the offsets count in.
//
// A text the service refuses as not English can be sent again with
// `any_language: true` ("Analyse it anyway"); its results then say so.
//
// Each speaker says what kind of source it is and, for a person or group the
// article never names, why the name is withheld (`anonymity`) or that the
// article gives no reason; "Unnamed sources" highlights the quotes resting on them.

"use strict";

(() => {
  const ENDPOINT = "/v1/quotes";
  const PALETTE_SIZE = 16; // speaker colours .sp-1 ... .sp-16 in app.css
  const PATTERNS = 2; // past 16 speakers the colours come round again with .pattern-1, then .pattern-2, in turn
  const MILLISECONDS_BELOW = 0.1; // a time shorter than this (in seconds) is shown in milliseconds
  const MAX_AUTO_RETRIES = 12; // while the service starts up (503 with Retry-After)
  const DEFAULT_RETRY_SECONDS = 5;
  const TOOLTIP_GAP = 8; // pixels between a quote and its tooltip
  const NO_SPEAKER = "none"; // the speakers list's entry for quotes no one is named for
  const UNNAMED = "unnamed"; // the choice of every unnamed source at once ("Unnamed sources")
  const NARROW = window.matchMedia("(max-width: 60rem)"); // one column, the sidebar above the article (app.css)
  const REDUCED_MOTION = window.matchMedia("(prefers-reduced-motion: reduce)");

  const TYPE_NAMES = { direct: "direct quote", mixed: "mixed quote", indirect: "reported speech" };
  // What kind of source a speaker is, in the contract's words (openapi.yaml, Speaker.kind).
  const KIND_NAMES = {
    person: "named person",
    unnamed_person: "unnamed person",
    group: "group",
    organisation: "organisation",
    document: "document",
  };
  // How each rule attributes a quote, in the contract's words (openapi.yaml, Quote.rule).
  const RULE_NAMES = {
    frame_after: "reporting verb after the quote",
    dash_after: "speaker named after a dash",
    frame_before: "reporting verb before the quote",
    colon_before: "a colon before the quote",
    colon_paragraph: "a paragraph ending “… said:”",
    speaker_colon: "a paragraph opening with the speaker's name",
    continuation: "continues the speaker before",
    subject: "the subject of a reporting verb",
    inverted_subject: "named after a reporting verb that follows what was said",
    according_to: "“according to”",
    quoted_as_object: "“quoted … as saying”",
    passive_agent: "“… was said by …”",
    inherited_subject: "shares the subject of the verb before",
    governed_fragment: "quoted words a verb of naming governs",
    unattributed: "no speaker named",
  };

  const EXAMPLE = [
    "Harbour ferries return after the storm 🌊",
    "",
    "“The ferries will run again on Friday,” said Maria Okafor, the harbour master at the Port of Tellbridge. " +
      "“Every boat has been checked twice.”",
    "",
    "Okafor said the sea wall had held, but she warned that the northern pier remained “unsafe for anyone on foot” " +
      "until engineers finish their survey.",
    "",
    "Tom Becker, a spokesman for the Tellbridge Ferry Company, said tickets bought for cancelled crossings would be " +
      "refunded in full. 🎟️ “Nobody should be out of pocket because of the weather,” he added.",
    "",
    "According to the Coastal Weather Service, another band of rain is expected on Sunday.",
  ].join("\n");

  const $ = (id) => document.getElementById(id);

  /** A new element with a class and text (as a text node: never parsed as HTML). */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  const ui = {};
  const state = {
    text: "", // the text the current answer is about
    html: null, // HTML pasted into the box, sent instead of its text until the text is edited
    answer: null,
    quotes: new Map(), // id -> quote
    colours: new Map(), // speaker id -> palette index
    selectedSpeaker: null,
    pinnedQuote: null,
    controller: null, // aborts a request overtaken by a newer one
    retryTimer: null,
    retries: 0,
    anyLanguage: false, // the answer shown was asked for whatever the text's language
  };

  // --- talking to the service ------------------------------------------------

  /**
   * Send the box's text (or its pasted HTML) and show the answer.
   *
   * `anyLanguage` insists on an analysis of a text the service refused as not
   * English; `automatic` is a retry while the service starts up.
   */
  async function analyse({ automatic = false, anyLanguage = false } = {}) {
    clearTimeout(state.retryTimer);
    state.retries = automatic ? state.retries + 1 : 0;
    const text = ui.text.value;
    const html = state.html;
    if (!text.trim() && !html) {
      showError("There is no text to analyse. Paste or type an article first.");
      ui.text.setAttribute("aria-invalid", "true");
      ui.text.focus();
      return;
    }
    ui.text.removeAttribute("aria-invalid");
    if (state.controller) state.controller.abort();
    const controller = new AbortController();
    state.controller = controller;

    const headers = { "Content-Type": "application/json", Accept: "application/json, application/problem+json" };
    const key = ui.key.value.trim();
    if (key) headers.Authorization = `Bearer ${key}`;
    if (!automatic) hideError();
    setStatus("Analysing…");
    ui.analyse.setAttribute("aria-busy", "true");
    const focused = document.activeElement;
    const started = performance.now();
    let response;
    let body;
    try {
      response = await fetch(ENDPOINT, {
        method: "POST",
        headers,
        body: JSON.stringify({ ...(html ? { html } : { text }), offsets: "utf16", ...(anyLanguage ? { any_language: true } : {}) }),
        signal: controller.signal,
        credentials: "same-origin",
        cache: "no-store",
      });
      body = await readJson(response);
    } catch (error) {
      if (error.name === "AbortError") return;
      finish(controller);
      showError("The service could not be reached. Check that it is running, then press Analyse again.");
      setStatus("");
      return;
    }
    if (state.controller !== controller) return;
    finish(controller);
    if (response.ok && body && Array.isArray(body.quotes)) {
      hideError();
      state.anyLanguage = anyLanguage;
      // An HTML article's offsets count in the text the service read from it.
      render(typeof body.text === "string" ? body.text : text, body, (performance.now() - started) / 1000);
      // Unless the reader has gone elsewhere meanwhile, take them to what they asked for.
      if (document.activeElement === focused || document.activeElement === document.body) revealResults();
      return;
    }
    setStatus("");
    handleProblem(response, body, { sentKey: Boolean(key), anyLanguage });
  }

  /** Scroll the results to the top of the window and put the focus on them (the count is in the status). */
  function revealResults() {
    ui.results.focus({ preventScroll: true });
    ui.results.scrollIntoView({ block: "start", behavior: scrolling() });
  }

  function scrolling() {
    return REDUCED_MOTION.matches ? "auto" : "smooth";
  }

  function finish(controller) {
    if (state.controller === controller) state.controller = null;
    ui.analyse.removeAttribute("aria-busy");
  }

  async function readJson(response) {
    const type = response.headers.get("Content-Type") || "";
    if (!/json/i.test(type)) return null;
    try {
      return await response.json();
    } catch (error) {
      if (error.name === "AbortError") throw error;
      return null;
    }
  }

  /** Put a problem (RFC 9457) into plain words; retry by itself while the service starts. */
  function handleProblem(response, problem, { sentKey, anyLanguage }) {
    const status = response.status;
    const detail = problem && typeof problem.detail === "string" ? plain(problem.detail) : "";
    const type = problem && typeof problem.type === "string" ? problem.type : "";
    if (status === 401) {
      showError(
        sentKey
          ? "This service needs an API key, and the one entered was not accepted. Check it and press Analyse again."
          : "This service needs an API key. Enter it in the “API key” field and press Analyse again."
      );
      ui.key.focus();
      return;
    }
    if (status === 413) {
      showError(`The article is too long for this service. ${detail}`.trim());
      return;
    }
    if (status === 422 && type.endsWith("/unsupported-language")) {
      refusedLanguage(problem.language);
      return;
    }
    if (status === 422) {
      const messages = problem && Array.isArray(problem.errors) ? problem.errors.map((e) => plain(e.message)) : [];
      showError(`The text could not be analysed. ${messages.length ? messages.join(" ") : detail}`.trim());
      return;
    }
    if (status === 503) {
      const retryAfter = parseRetryAfter(response.headers.get("Retry-After"));
      if (type.endsWith("/not-ready") && retryAfter !== null) {
        if (state.retries < MAX_AUTO_RETRIES) {
          const seconds = retryAfter || DEFAULT_RETRY_SECONDS;
          showError(
            `The service is still starting up (it is loading its language model). ` +
              `It will be tried again in ${plural(seconds, "second")}.`
          );
          state.retryTimer = setTimeout(() => analyse({ automatic: true, anyLanguage }), seconds * 1000);
        } else {
          showError("The service is still starting up (it is loading its language model). Wait a little, then press Analyse again.");
        }
        return;
      }
      if (type.endsWith("/timeout")) {
        showError(`The article took too long to analyse. ${detail}`.trim());
        return;
      }
      showError(`The service is not ready to analyse text. ${detail}`.trim());
      return;
    }
    const title = problem && typeof problem.title === "string" ? ` (${problem.title})` : "";
    showError(`The service answered with an error, HTTP ${status}${title}. ${detail}`.trim());
  }

  /**
   * The service reads English only and refused this text: say so in a
   * reporter's words, with the one control that insists (the problem's own
   * detail speaks to programmers, of `any_language`).
   */
  function refusedLanguage(found) {
    const name = found && typeof found.name === "string" ? found.name : "";
    showError(
      `${name ? `This article appears to be in ${name}` : "This article does not appear to be in English"}, ` +
        "and this service reads English only. In another language it misses quotes and can name the wrong " +
        "speakers, so it has not analysed it. You can analyse it anyway, then check every quote against the text."
    );
    ui.errorAction.hidden = false;
    ui.analyseAnyway.focus();
  }

  /** Seconds from a Retry-After header (a number or an HTTP date), or null. */
  function parseRetryAfter(value) {
    if (!value) return null;
    if (/^\d+$/.test(value.trim())) return Number(value.trim());
    const date = Date.parse(value);
    return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
  }

  /** The service's messages quote field names in `backticks`; people read “quotes”. */
  function plain(message) {
    return String(message || "").replace(/`([^`]*)`/g, "“$1”");
  }

  // --- the answer --------------------------------------------------------------

  function render(text, answer, seconds) {
    state.text = text;
    state.answer = answer;
    state.quotes = new Map(answer.quotes.map((q) => [q.id, q]));
    state.colours = new Map(answer.speakers.map((s, i) => [s.id, i]));
    state.selectedSpeaker = null;
    state.pinnedQuote = null;
    hideTooltip();

    ui.articleView.replaceChildren(buildArticle(text, answer.quotes));
    ui.articleView.classList.remove("filtering");
    renderSpeakers(answer);
    renderSummary(answer, seconds);
    setQuoteCard(
      el("p", "muted", answer.quotes.length ? "Hover over or click a quote (or Tab to it) to see who said it." : "No quotes were found in this text.")
    );
    ui.jsonView.textContent = JSON.stringify(answer, null, 2);
    renderLanguageNote(answer.language);
    ui.results.hidden = false;
    const n = answer.quotes.length;
    const from = n ? ` from ${plural(answer.speakers.length, "speaker")}` : "";
    setStatus(`Done: ${plural(n, "quote")}${from} found.`);
  }

  /** "1 quote", "3 quotes". */
  function plural(n, word) {
    return `${n} ${n === 1 ? word : `${word}s`}`;
  }

  /** After "Analyse it anyway": the results are of a text the engine cannot read well. */
  function renderLanguageNote(language) {
    const foreign = state.anyLanguage && language && language.code !== "en";
    ui.languageNote.hidden = !foreign;
    ui.languageNote.textContent = foreign
      ? `Analysed anyway, though the text appears to be in ${language.name}: the service reads English only, so check every quote against the text.`
      : "";
  }

  function renderSummary(answer, seconds) {
    const counts = { direct: 0, mixed: 0, indirect: 0 };
    answer.quotes.forEach((q) => { counts[q.type] = (counts[q.type] || 0) + 1; });
    const n = answer.quotes.length;
    const parts = [`${plural(n, "quote")} from ${plural(answer.speakers.length, "speaker")}`];
    if (n) parts.push(`${counts.direct} direct, ${counts.mixed} mixed, ${counts.indirect} reported`);
    const unnamed = answer.quotes.filter((q) => isUnnamed(q.speaker));
    if (unnamed.length) {
      const bare = unnamed.filter((q) => !q.speaker.anonymity).length;
      parts[parts.length - 1] += `; ${unnamed.length} on unnamed sources (${bare} with no reason given)`;
    }
    ui.summary.textContent = `${parts.join(": ")}. Parsed by ${answer.model.name} ${answer.model.version} in ${duration(seconds)}.`;
  }

  /** "0.8 s", "1.5 s"; under a tenth of a second, "45 ms" (never "0.0 s"). */
  function duration(seconds) {
    if (seconds < MILLISECONDS_BELOW) return `${Math.max(1, Math.round(seconds * 1000))} ms`;
    return `${seconds.toFixed(1)} s`;
  }

  /**
   * The article as text nodes, quotes as <mark>s, cues and speaker mentions as <span>s.
   *
   * Spans may nest or overlap (a quoted part inside a mixed quote, a quote
   * inside a longer report), so the text is cut at every span boundary and
   * each piece is marked with everything that covers it; consecutive pieces of
   * the same quote share one <mark>.
   */
  function buildArticle(text, quotes) {
    const fragment = document.createDocumentFragment();
    const cuts = new Set([0, text.length]);
    const cut = (span) => {
      if (span && span.start >= 0 && span.end <= text.length) cuts.add(span.start).add(span.end);
    };
    for (const q of quotes) {
      cut(q);
      q.parts.forEach(cut);
      cut(q.cue);
      cut(q.speaker && q.speaker.mention);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const covers = (span, a, b) => Boolean(span) && span.start <= a && b <= span.end;
    const firstPiece = new Set();
    let mark = null;
    let markKey = "";
    for (let i = 0; i + 1 < points.length; i += 1) {
      const a = points[i];
      const b = points[i + 1];
      const covering = quotes.filter((q) => covers(q, a, b));
      const cueOf = quotes.filter((q) => covers(q.cue, a, b));
      const mentionOf = quotes.filter((q) => q.speaker && covers(q.speaker.mention, a, b));
      const inPart = covering.some((q) => q.parts.some((p) => covers(p, a, b)));
      const piece = pieceNode(text.slice(a, b), cueOf, mentionOf, inPart);
      if (!covering.length) {
        mark = null;
        markKey = "";
        fragment.append(piece);
        continue;
      }
      const key = covering.map((q) => q.id).join(" ");
      if (!mark || key !== markKey) {
        // The innermost quote gives the piece its colour and type.
        const primary = covering.reduce((x, y) => (y.end - y.start < x.end - x.start ? y : x));
        mark = quoteMark(primary, key, !firstPiece.has(primary.id));
        firstPiece.add(primary.id);
        markKey = key;
        fragment.append(mark);
      }
      mark.append(piece);
    }
    return fragment;
  }

  function quoteMark(quote, coveringIds, first) {
    const mark = el("mark", `quote type-${quote.type} ${speakerClass(quote.speaker && quote.speaker.id)}`);
    mark.dataset.quote = quote.id;
    mark.dataset.quotes = coveringIds;
    mark.dataset.speaker = quote.speaker && quote.speaker.id ? quote.speaker.id : NO_SPEAKER;
    mark.dataset.unnamed = String(isUnnamed(quote.speaker));
    if (first) {
      // One tab stop per quote; the tooltip describes it to a screen reader.
      mark.tabIndex = 0;
      mark.setAttribute("role", "button");
      mark.setAttribute("aria-describedby", "tooltip");
    }
    return mark;
  }

  function pieceNode(text, cueOf, mentionOf, inPart) {
    const classes = [];
    if (inPart) classes.push("part");
    if (cueOf.length) classes.push("cue");
    if (mentionOf.length) classes.push("mention", speakerClass(mentionOf[0].speaker.id));
    if (!classes.length) return document.createTextNode(text);
    const span = el("span", classes.join(" "), text);
    if (cueOf.length) span.dataset.cueOf = cueOf.map((q) => q.id).join(" ");
    if (mentionOf.length) span.dataset.mentionOf = mentionOf.map((q) => q.id).join(" ");
    return span;
  }

  /** A speaker's colour class, with a pattern class once the colours have all been used. */
  function speakerClass(speakerId) {
    if (!speakerId || !state.colours.has(speakerId)) return "sp-none";
    const index = state.colours.get(speakerId);
    const round = Math.floor(index / PALETTE_SIZE);
    const colour = `sp-${(index % PALETTE_SIZE) + 1}`;
    return round ? `${colour} pattern-${((round - 1) % PATTERNS) + 1}` : colour;
  }

  function renderSpeakers(answer) {
    const items = answer.speakers.map((s) =>
      speakerItem(s.id, s.name, [s.title, s.affiliation].filter(Boolean).join(" · "), s.quotes.length, s)
    );
    const unnamed = answer.quotes.filter((q) => !(q.speaker && q.speaker.id)).length;
    if (unnamed) items.push(speakerItem(NO_SPEAKER, "No speaker named", "quotes the article attributes to no one", unnamed));
    if (!items.length) items.push(el("li", "muted", "No one is quoted."));
    ui.speakers.replaceChildren(...items);
    ui.speakersCount.textContent = `(${answer.speakers.length})`;
    ui.speakersChosen.textContent = "";
    renderUnnamedFilter(answer);
    // In a narrow panel the list starts folded, so that the article shows under it.
    expandSpeakers(!NARROW.matches);
  }

  /**
   * Make a change to the sidebar without moving the article under the reader's eyes.
   *
   * A narrow layout keeps the sidebar at the top of the window, but it still
   * takes its place in the page, above the article: as the selected quote
   * grows or shrinks, the article would move (the quote just clicked sliding
   * away from the pointer), so the window follows it. Unfolding the speakers
   * is left to push the article down, under the button pressed.
   */
  function keepingPlace(change) {
    if (!NARROW.matches) {
      change();
      return;
    }
    const before = ui.articleView.getBoundingClientRect().top;
    change();
    window.scrollBy(0, ui.articleView.getBoundingClientRect().top - before);
  }

  function expandSpeakers(expanded) {
    ui.speakersToggle.setAttribute("aria-expanded", String(expanded));
    ui.speakersBody.hidden = !expanded;
  }

  function speakerItem(id, name, role, count, speaker = null) {
    const button = el("button", `speaker ${id === NO_SPEAKER ? "sp-none" : speakerClass(id)}`);
    button.type = "button";
    button.dataset.speaker = id;
    button.dataset.unnamed = String(isUnnamed(speaker));
    button.setAttribute("aria-pressed", "false");
    button.append(
      el("span", "swatch"),
      el("span", "speaker-name", name),
      el("span", "speaker-role", role || "no title or affiliation given"),
      el("span", "speaker-count", plural(count, "quote"))
    );
    const source = sourceWords(speaker);
    if (source) button.append(el("span", `speaker-kind${isUnnamed(speaker) ? " unnamed" : ""}`, source));
    const item = el("li");
    item.append(button);
    return item;
  }

  function isUnnamed(speaker) {
    return Boolean(speaker && speaker.anonymous);
  }

  /** What kind of source a speaker is, and for an unnamed one why: "unnamed person · no reason given for not naming them". */
  function sourceWords(speaker) {
    if (!speaker) return "";
    const words = [];
    if (KIND_NAMES[speaker.kind]) words.push(KIND_NAMES[speaker.kind]);
    if (speaker.pronoun) words.push(`“${speaker.pronoun}”`);
    if (isUnnamed(speaker)) words.push(unnamedWords(speaker));
    return words.join(" · ");
  }

  /** Why an unnamed source is not named, as the article says it, or that it does not say. */
  function unnamedWords(speaker) {
    return speaker.anonymity ? `not named: “${speaker.anonymity.text}”` : "not named, and no reason given";
  }

  /** "Unnamed sources (2)": pressed, it highlights their quotes and lists only them. */
  function renderUnnamedFilter(answer) {
    const unnamed = answer.speakers.filter(isUnnamed);
    ui.unnamedFilter.setAttribute("aria-pressed", "false");
    ui.unnamedFilter.disabled = unnamed.length === 0;
    ui.unnamedFilter.textContent = unnamed.length ? `Unnamed sources only (${unnamed.length})` : "No unnamed sources";
  }

  // --- choosing a speaker, a quote -------------------------------------------

  function selectSpeaker(id) {
    state.selectedSpeaker = state.selectedSpeaker === id ? null : id;
    const selected = state.selectedSpeaker;
    const chosen = (node) => (selected === UNNAMED ? node.dataset.unnamed === "true" : node.dataset.speaker === selected);
    ui.speakers.querySelectorAll("button.speaker").forEach((b) => {
      b.setAttribute("aria-pressed", String(selected !== UNNAMED && chosen(b)));
      // With "Unnamed sources only", the list shows only them.
      b.parentElement.hidden = selected === UNNAMED && !chosen(b);
    });
    ui.unnamedFilter.setAttribute("aria-pressed", String(selected === UNNAMED));
    ui.articleView.classList.toggle("filtering", selected !== null);
    const marks = [...ui.articleView.querySelectorAll("mark.quote")];
    marks.forEach((m) => m.classList.toggle("selected", selected !== null && chosen(m)));
    const name = selected === null ? "" : selected === NO_SPEAKER ? "no named speaker" : selected === UNNAMED ? "unnamed sources" : speakerName(selected);
    ui.speakersChosen.textContent = name && `: ${name}`;
    if (NARROW.matches) {
      // A list folded over the article gets out of its way once a choice is made.
      expandSpeakers(false);
      ui.speakersToggle.focus({ preventScroll: true });
    }
    if (selected === null) {
      setStatus("Showing every quote.");
      return;
    }
    const ids = new Set(marks.filter(chosen).map((m) => m.dataset.quote));
    if (selected === UNNAMED) {
      const bare = [...ids].filter((quoteId) => !state.quotes.get(quoteId).speaker.anonymity).length;
      setStatus(`Highlighting the ${plural(ids.size, "quote")} resting on unnamed sources, ${bare} with no reason given for not naming them.`);
    } else {
      setStatus(`Highlighting the ${plural(ids.size, "quote")} of ${name}.`);
    }
    const first = marks.find((m) => m.classList.contains("selected"));
    if (first) first.scrollIntoView({ block: "nearest", behavior: scrolling() });
  }

  function speakerName(id) {
    const entry = state.answer.speakers.find((s) => s.id === id);
    return entry ? entry.name : id;
  }

  function pinQuote(id) {
    state.pinnedQuote = id;
    ui.articleView.querySelectorAll("mark.quote").forEach((m) => m.classList.toggle("pinned", m.dataset.quote === id));
    keepingPlace(() => showQuoteCard(id));
  }

  function showQuoteCard(id) {
    const quote = state.quotes.get(id);
    if (!quote) return;
    const card = describeQuote(quote);
    const text = el("blockquote", "card-quote", quote.text);
    setQuoteCard(text, ...card.childNodes);
  }

  /** The selected quote's box scrolls on its own when the quote is long; the keyboard can then reach it to scroll it. */
  function setQuoteCard(...nodes) {
    ui.quoteCard.replaceChildren(...nodes);
    ui.quoteCard.scrollTop = 0;
    if (ui.quoteCard.scrollHeight > ui.quoteCard.clientHeight) ui.quoteCard.tabIndex = 0;
    else ui.quoteCard.removeAttribute("tabindex");
  }

  /** Who said a quote, how it is written, and how sure the engine is, as a few lines. */
  function describeQuote(quote) {
    const box = el("div");
    const speaker = quote.speaker;
    const who = el("p", "who");
    who.append(el("span", `swatch ${speakerClass(speaker && speaker.id)}`));
    // A pronoun the article gives no one to stand for keeps its mention but names no one.
    const named = speaker && speaker.name ? speaker.name : speaker ? `No one named (“${speaker.mention.text}”)` : "No speaker named";
    who.append(el("strong", null, named));
    box.append(who);
    if (speaker && (speaker.title || speaker.affiliation)) {
      box.append(el("p", "role", [speaker.title, speaker.affiliation].filter(Boolean).join(", ")));
    }
    const kind = speaker && KIND_NAMES[speaker.kind];
    if (kind) box.append(el("p", "kind", speaker.pronoun ? `${kind} · “${speaker.pronoun}”` : kind));
    if (isUnnamed(speaker)) {
      box.append(el("p", "unnamed", speaker.anonymity
        ? `Unnamed source: the article says “${speaker.anonymity.text}”`
        : "Unnamed source: the article gives no reason for not naming them"));
    }
    const how = [TYPE_NAMES[quote.type] || quote.type];
    if (quote.cue) how.push(`cue “${quote.cue.text}”`);
    if (speaker && speaker.name && speaker.mention.text !== speaker.name) how.push(`named here as “${speaker.mention.text}”`);
    box.append(el("p", "how", how.join(" · ")));
    box.append(el("p", "sure", `${confidenceWords(quote.confidence)}: ${Math.round(quote.confidence * 100)}% (${RULE_NAMES[quote.rule] || quote.rule})`));
    return box;
  }

  function confidenceWords(confidence) {
    if (confidence >= 0.85) return "Sure";
    if (confidence >= 0.7) return "Fairly sure";
    return "Unsure";
  }

  // --- the tooltip -------------------------------------------------------------

  function showTooltip(mark) {
    const quote = state.quotes.get(mark.dataset.quote);
    if (!quote) return;
    ui.tooltip.replaceChildren(...describeQuote(quote).childNodes);
    ui.tooltip.hidden = false;
    hoverQuote(quote.id);
    // Never over the quote it describes: below the whole quote (every line of
    // every piece of it), or above it when there is no room below in the
    // window; below it, off screen, when it fits neither way.
    const box = quoteBox(quote.id, mark);
    const width = ui.tooltip.offsetWidth;
    const height = ui.tooltip.offsetHeight;
    const viewport = document.documentElement.clientHeight;
    const fitsBelow = box.bottom + TOOLTIP_GAP + height <= viewport;
    const fitsAbove = box.top - TOOLTIP_GAP - height >= 0;
    const top = !fitsBelow && fitsAbove ? box.top - TOOLTIP_GAP - height : box.bottom + TOOLTIP_GAP;
    const left = Math.min(Math.max(window.scrollX + box.left, window.scrollX + TOOLTIP_GAP),
      window.scrollX + document.documentElement.clientWidth - width - TOOLTIP_GAP);
    ui.tooltip.style.left = `${Math.max(0, left)}px`;
    ui.tooltip.style.top = `${Math.max(0, window.scrollY + top)}px`;
  }

  /** The box (in window coordinates) around every line of a quote's marks. */
  function quoteBox(id, mark) {
    const marks = [...ui.articleView.querySelectorAll("mark.quote")].filter((m) => m.dataset.quotes.split(" ").includes(id));
    const rects = (marks.length ? marks : [mark]).flatMap((m) => [...m.getClientRects()]);
    if (!rects.length) return mark.getBoundingClientRect();
    return {
      top: Math.min(...rects.map((r) => r.top)),
      bottom: Math.max(...rects.map((r) => r.bottom)),
      left: Math.min(...rects.map((r) => r.left)),
    };
  }

  function hideTooltip() {
    ui.tooltip.hidden = true;
    hoverQuote(null);
  }

  function hoverQuote(id) {
    ui.articleView.querySelectorAll("mark.quote.hover").forEach((m) => m.classList.remove("hover"));
    if (id) ui.articleView.querySelectorAll(`mark.quote[data-quote="${CSS.escape(id)}"]`).forEach((m) => m.classList.add("hover"));
  }

  // --- copying -------------------------------------------------------------------

  async function copyJson() {
    if (!state.answer) return;
    const json = JSON.stringify(state.answer, null, 2);
    try {
      await navigator.clipboard.writeText(json);
      setStatus("The JSON answer is on the clipboard.");
      return;
    } catch (error) {
      // No clipboard API here (a page served over plain HTTP from another host): select it instead.
    }
    ui.jsonView.closest("details").open = true;
    const range = document.createRange();
    range.selectNodeContents(ui.jsonView);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    const copied = document.execCommand && document.execCommand("copy");
    setStatus(copied ? "The JSON answer is on the clipboard." : "The JSON is selected below: copy it with Ctrl+C.");
  }

  // --- messages --------------------------------------------------------------------

  function showError(message) {
    clearResults();
    ui.errorText.textContent = message;
    ui.errorAction.hidden = true;
    ui.error.hidden = false;
  }

  /** Take away the last answer, so that nothing shown belongs to another text. */
  function clearResults() {
    state.text = "";
    state.answer = null;
    state.quotes = new Map();
    state.colours = new Map();
    state.selectedSpeaker = null;
    state.pinnedQuote = null;
    hideTooltip();
    ui.results.hidden = true;
    ui.articleView.replaceChildren();
    ui.articleView.classList.remove("filtering");
    ui.speakers.replaceChildren();
    ui.summary.textContent = "";
    ui.quoteCard.replaceChildren();
    ui.jsonView.textContent = "";
    ui.languageNote.hidden = true;
  }

  // --- pasted rich text ------------------------------------------------------------

  /** Rich text pasted as the whole article keeps its HTML, which is what gets sent. */
  function pasted(event) {
    const data = event.clipboardData;
    const html = data && data.getData("text/html");
    const box = ui.text;
    const replacesAll = box.selectionStart === 0 && box.selectionEnd === box.value.length;
    if (!html || !html.trim() || !replacesAll) {
      if (state.html) forgetHtml(); // pasting into the text edits it
      return;
    }
    event.preventDefault();
    box.value = data.getData("text/plain");
    state.html = html;
    ui.htmlNote.hidden = false;
    box.removeAttribute("aria-invalid");
    countCharacters();
  }

  function forgetHtml() {
    state.html = null;
    ui.htmlNote.hidden = true;
  }

  function hideError() {
    ui.error.hidden = true;
    ui.errorText.textContent = "";
    ui.errorAction.hidden = true;
  }

  function setStatus(message) {
    ui.status.textContent = message;
  }

  function countCharacters() {
    // Characters as people count them (code points), as the service's limit does.
    const n = [...ui.text.value].length;
    ui.charCount.textContent = `${n.toLocaleString("en")} ${n === 1 ? "character" : "characters"}`;
  }

  // --- wiring ------------------------------------------------------------------------

  function init() {
    Object.assign(ui, {
      form: $("analyse-form"),
      text: $("article-text"),
      key: $("api-key"),
      analyse: $("analyse"),
      example: $("load-example"),
      error: $("error"),
      errorText: $("error-text"),
      errorAction: $("error-action"),
      analyseAnyway: $("analyse-anyway"),
      status: $("status"),
      charCount: $("char-count"),
      results: $("results"),
      summary: $("summary"),
      languageNote: $("language-note"),
      sidebar: $("sidebar"),
      articleView: $("article-view"),
      quoteCard: $("quote-card"),
      speakers: $("speakers"),
      speakersToggle: $("speakers-toggle"),
      speakersBody: $("speakers-body"),
      speakersCount: $("speakers-count"),
      speakersChosen: $("speakers-chosen"),
      unnamedFilter: $("unnamed-filter"),
      copy: $("copy-json"),
      jsonView: $("json-view"),
      tooltip: $("tooltip"),
      htmlNote: $("html-note"),
      plainText: $("plain-text"),
    });

    ui.form.addEventListener("submit", (event) => {
      event.preventDefault();
      analyse();
    });
    ui.form.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        analyse();
      }
    });
    ui.text.addEventListener("input", () => {
      if (state.html) forgetHtml(); // edited: the pasted HTML no longer says what the box says
      countCharacters();
    });
    ui.text.addEventListener("paste", pasted);
    ui.plainText.addEventListener("click", () => {
      forgetHtml();
      setStatus("The text in the box will be sent as plain text.");
      ui.text.focus();
    });
    ui.example.addEventListener("click", () => {
      forgetHtml();
      hideError();
      clearResults();
      setStatus("");
      ui.text.value = EXAMPLE;
      countCharacters();
      ui.text.focus();
    });
    ui.copy.addEventListener("click", copyJson);
    ui.analyseAnyway.addEventListener("click", () => analyse({ anyLanguage: true }));
    ui.speakersToggle.addEventListener("click", () => {
      expandSpeakers(ui.speakersToggle.getAttribute("aria-expanded") !== "true");
    });
    // A quote reached by Tab or by choosing a speaker scrolls into view below the
    // sidebar that a narrow layout keeps at the top (app.css, scroll-margin-top).
    new ResizeObserver(() => {
      document.documentElement.style.setProperty("--sidebar-height", `${NARROW.matches ? ui.sidebar.offsetHeight : 0}px`);
    }).observe(ui.sidebar);

    ui.unnamedFilter.addEventListener("click", () => selectSpeaker(UNNAMED));
    ui.speakers.addEventListener("click", (event) => {
      const button = event.target.closest("button.speaker");
      if (button) selectSpeaker(button.dataset.speaker);
    });

    const markOf = (event) => event.target.closest && event.target.closest("mark.quote");
    ui.articleView.addEventListener("mouseover", (event) => {
      const mark = markOf(event);
      if (mark) showTooltip(mark);
    });
    ui.articleView.addEventListener("mouseleave", hideTooltip);
    ui.articleView.addEventListener("mouseout", (event) => {
      if (markOf(event) && !(event.relatedTarget && event.relatedTarget.closest && event.relatedTarget.closest("mark.quote"))) hideTooltip();
    });
    ui.articleView.addEventListener("focusin", (event) => {
      const mark = markOf(event);
      if (mark) showTooltip(mark);
    });
    ui.articleView.addEventListener("focusout", hideTooltip);
    ui.articleView.addEventListener("click", (event) => {
      const mark = markOf(event);
      if (mark) pinQuote(mark.dataset.quote);
    });
    ui.articleView.addEventListener("keydown", (event) => {
      const mark = markOf(event);
      if (mark && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        pinQuote(mark.dataset.quote);
      }
    });
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape") hideTooltip();
    });
    countCharacters();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
