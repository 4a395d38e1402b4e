// entkiosk's web page: a terminal that fills the window, connected by a
// WebSocket to a session of the interface. Binary messages carry the
// terminal's bytes both ways; text messages carry JSON: the page's hello
// (size, language, a link's token) and resizes.
(() => {
  'use strict';

  // The page's CSP admits inline styles only with this response's nonce:
  // xterm.js adds <style> elements, which get it here.
  const nonce = document.currentScript.nonce;
  const createElement = document.createElement.bind(document);
  document.createElement = (tag, options) => {
    const el = createElement(tag, options);
    if (String(tag).toLowerCase() === 'style') el.nonce = nonce;
    return el;
  };
  // Anything the CSP blocked is kept here (the tests read it).
  const violations = [];
  document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective + ' ' + e.blockedURI));

  const texts = JSON.parse(document.getElementById('texts').textContent);
  const lang = document.documentElement.lang;

  // The interface's minimum size (tui/frame.go): below it, it asks for a
  // larger window, and the page says how large.
  const MIN_COLS = 60, MIN_ROWS = 16;
  // A comfortable size first (80 × 24 from 10 px: a phone held sideways),
  // then the minimum down to 6 px (a phone held upright).
  const COMFORT_COLS = 80, COMFORT_ROWS = 24, COMFORT_FONT = 10, MAX_FONT = 16, MIN_FONT = 6;
  const FONT_FAMILY = 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace';
  const CHUNK = 8192; // the server reads at most 64 KiB a message

  // A mail's link (?t=TOKEN) opens its step. The token leaves the address
  // bar at once (a shared screen, a screenshot, the history) and is sent
  // in the hello of each connection of this page, never in a URL.
  const params = new URLSearchParams(location.search);
  const token = params.get('t') || '';
  if (params.has('t')) {
    params.delete('t');
    const rest = params.toString();
    history.replaceState(null, '', location.pathname + (rest ? '?' + rest : ''));
  }
  const langLink = document.getElementById('lang');
  langLink.addEventListener('click', (e) => {
    // The other language in a new session, the link's step kept.
    e.preventDefault();
    const p = new URLSearchParams({ lang: langLink.hreflang });
    if (token) p.set('t', token);
    location.assign(location.pathname + '?' + p.toString());
  });

  const term = new Terminal({
    fontFamily: FONT_FAMILY,
    fontSize: 15,
    cursorBlink: false,
    scrollback: 0,
    allowProposedApi: false,
    theme: { background: '#0b0f14' },
  });
  const fitAddon = new FitAddon.FitAddon();
  term.loadAddon(fitAddon);
  const box = document.getElementById('terminal');
  term.open(box);

  const enc = new TextEncoder();
  let ws = null;
  let opened = false;

  function send(data) {
    if (!ws || ws.readyState !== WebSocket.OPEN) return;
    const bytes = typeof data === 'string' ? enc.encode(data) : data;
    for (let i = 0; i < bytes.length; i += CHUNK) ws.send(bytes.subarray(i, i + CHUNK));
  }
  term.onData((d) => send(d));
  term.onBinary((d) => send(Uint8Array.from(d, (c) => c.charCodeAt(0) & 0xff)));
  term.onResize(({ cols, rows }) => {
    if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: 'resize', cols, rows }));
  });

  // fit picks the largest font that gives a comfortable size, else the
  // minimum size, else the smallest font; then fills the window. Changing
  // xterm's font re-measures and redraws everything, so the size is
  // estimated from the font's metrics first and xterm corrects it.
  const FONT = FONT_FAMILY;
  const measure = document.createElement('canvas').getContext('2d');
  function estimate(size) {
    measure.font = size + 'px ' + FONT;
    const w = measure.measureText('W').width;
    const h = Math.ceil(size * 1.2);
    const r = box.getBoundingClientRect();
    return { cols: Math.floor((r.width - 4) / w), rows: Math.floor((r.height - 4) / h) };
  }
  function largest(cols, rows, floor) {
    for (let s = MAX_FONT; s >= floor; s--) {
      const d = estimate(s);
      if (d.cols >= cols && d.rows >= rows) return s;
    }
    return 0;
  }
  function dims(size) {
    if (term.options.fontSize !== size) term.options.fontSize = size;
    return fitAddon.proposeDimensions();
  }
  let fits = 0;
  function fit() {
    fits++;
    let cols = COMFORT_COLS, rows = COMFORT_ROWS;
    let size = largest(cols, rows, COMFORT_FONT);
    if (!size) {
      cols = MIN_COLS; rows = MIN_ROWS;
      size = largest(cols, rows, MIN_FONT) || MIN_FONT;
    }
    for (let d = dims(size); d && (d.cols < cols || d.rows < rows) && size > MIN_FONT; d = dims(size)) size--;
    fitAddon.fit();
    const small = document.getElementById('small');
    if (term.cols < MIN_COLS || term.rows < MIN_ROWS) {
      small.textContent = format(texts['web.small'], MIN_COLS, MIN_ROWS, term.cols, term.rows);
      small.hidden = false;
    } else {
      small.hidden = true;
    }
  }
  function format(s, ...args) {
    let i = 0;
    return s.replace(/%d/g, () => String(args[i++]));
  }
  let fitTimer = 0;
  const refit = () => { clearTimeout(fitTimer); fitTimer = setTimeout(fit, 60); };
  window.addEventListener('resize', refit);
  if (window.visualViewport) window.visualViewport.addEventListener('resize', refit);
  fit();

  // The key bar (touch screens): each button sends its key's sequence,
  // and the terminal keeps the focus (the phone's keyboard stays open).
  const SEQUENCES = { tab: '\t', backtab: '\x1b[Z', up: '\x1b[A', down: '\x1b[B', right: '\x1b[C', left: '\x1b[D',
    esc: '\x1b', enter: '\r', f1: '\x1bOP', f2: '\x1bOQ', f4: '\x1bOS' };
  for (const b of document.querySelectorAll('#keys button')) {
    b.addEventListener('pointerdown', (e) => e.preventDefault());
    b.addEventListener('click', (e) => {
      e.preventDefault();
      const seq = SEQUENCES[b.dataset.key];
      if (seq && !term.options.disableStdin) send(seq);
      term.focus();
    });
  }

  const notice = document.getElementById('notice');
  const noticeText = document.getElementById('notice-text');
  const noticeButton = document.getElementById('notice-button');
  function showNotice(text, button) {
    noticeText.textContent = text;
    noticeButton.textContent = button;
    notice.hidden = false;
    term.options.disableStdin = true;
    noticeButton.focus();
  }
  function hideNotice() {
    notice.hidden = true;
    term.options.disableStdin = false;
  }
  noticeButton.addEventListener('click', () => connect());

  function socketURL() {
    const u = new URL('ws', location.href);
    u.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    u.search = '';
    return u.toString();
  }

  function connect() {
    if (ws) { ws.onclose = null; ws.close(); }
    hideNotice();
    term.reset();
    fit();
    opened = false;
    ws = new WebSocket(socketURL());
    ws.binaryType = 'arraybuffer';
    const sock = ws;
    sock.onopen = () => {
      opened = true;
      sock.send(JSON.stringify({ type: 'hello', cols: term.cols, rows: term.rows, lang, token }));
      term.focus();
    };
    sock.onmessage = (e) => {
      if (typeof e.data !== 'string') term.write(new Uint8Array(e.data));
    };
    sock.onclose = (e) => {
      if (sock !== ws) return;
      if (!opened) {
        showNotice(texts['web.failed'], texts['web.reconnect']);
      } else if (e.code === 4000) {
        // The session ended (idle, longest time, the service restarting).
        const why = texts['web.ended.' + e.reason] || texts['web.ended'];
        showNotice(why, texts['web.newsession']);
      } else {
        showNotice(texts['web.lost'], texts['web.reconnect']);
      }
    };
  }

  // For the tests and for a curious person's console: nothing secret here.
  window.entkiosk = {
    term,
    violations,
    connected: () => !!ws && ws.readyState === WebSocket.OPEN,
    fits: () => fits,
  };
  connect();
})();
