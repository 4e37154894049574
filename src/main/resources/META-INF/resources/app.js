// The search page. Everything that comes from mail is attacker-controlled: it is only ever set as text
// (textContent), except the search snippet, which the server escapes and marks up with <mark> alone.
'use strict';

const TOKEN_KEY = 'mailwarden.token';
const PAGE_SIZE = 20;
const $ = (id) => document.getElementById(id);
const state = { q: '', sort: 'date', offset: 0, total: 0 };

class Unauthorized extends Error {}

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

function show(view) {
  for (const id of ['login-form', 'search-view', 'message']) $(id).hidden = id !== view;
  $('logout').hidden = view === 'login-form';
}

async function api(path) {
  const response = await fetch(path, { headers: { Authorization: 'Bearer ' + sessionStorage.getItem(TOKEN_KEY) } });
  if (response.status === 401) {
    sessionStorage.removeItem(TOKEN_KEY);
    throw new Unauthorized('The token was not accepted.');
  }
  if (!response.ok) {
    let message = response.status + ' ' + response.statusText;
    try {
      const body = await response.json();
      message = body.error + (body.position !== undefined ? ' (at character ' + (body.position + 1) + ')' : '');
    } catch (ignored) { /* not JSON: keep the status line */ }
    throw new Error(message);
  }
  return response;
}

function failed(error, where) {
  if (error instanceof Unauthorized) {
    show('login-form');
    $('login-error').textContent = error.message;
  } else {
    $(where).textContent = error.message;
  }
}

function people(list) {
  return (list || []).map((a) => (a.name ? a.name + ' <' + a.address + '>' : a.address)).join(', ');
}

function when(iso) {
  return iso ? new Date(iso).toLocaleString() : '';
}

async function search() {
  $('search-error').textContent = '';
  const params = new URLSearchParams({ q: state.q, sort: state.sort, limit: PAGE_SIZE, offset: state.offset });
  try {
    const page = await (await api('/api/search?' + params)).json();
    state.total = page.total;
    renderResults(page);
  } catch (error) {
    failed(error, 'search-error');
  }
}

function renderResults(page) {
  const list = $('results');
  list.replaceChildren(...page.hits.map(renderHit));
  const shown = page.hits.length ? (page.offset + 1) + '–' + (page.offset + page.hits.length) + ' of ' : '';
  $('summary').textContent = page.total === 0 ? 'No messages found.'
    : shown + page.total + (page.exact ? '' : '+') + ' messages (' + page.tookMillis + ' ms)';
  $('paging').hidden = page.total <= PAGE_SIZE;
  $('prev').disabled = state.offset === 0;
  // above the count limit the total is a lower bound: a full page may have more after it
  $('next').disabled = page.exact ? state.offset + PAGE_SIZE >= page.total : page.hits.length < PAGE_SIZE;
  $('page').textContent = 'Page ' + (Math.floor(state.offset / PAGE_SIZE) + 1);
}

function renderHit(hit) {
  const li = el('li', 'hit');
  const meta = el('div', 'hit-meta');
  meta.append(el('span', 'hit-from', people(hit.from) || '(no sender)'), el('span', 'hit-date', when(hit.date)),
    el('span', 'hit-folder', hit.account + ' / ' + hit.folder));
  const subject = el('button', 'subject link', hit.subject || '(no subject)');
  subject.type = 'button';
  subject.addEventListener('click', () => openMessage(hit.id));
  li.append(meta, subject);
  if (hit.attachments.length) {
    li.append(el('div', 'attachments clip', hit.attachments.map((a) => a.name || '(unnamed)').join(', ')));
  }
  const snippet = el('div', 'snippet');
  snippet.innerHTML = hit.snippetHtml; // the one server-escaped HTML fragment: text and <mark> only
  li.append(snippet);
  return li;
}

async function openMessage(id) {
  $('message-error').textContent = '';
  try {
    const view = await (await api('/api/messages/' + encodeURIComponent(id))).json();
    renderMessage(view);
    show('message');
    window.scrollTo(0, 0);
  } catch (error) {
    failed(error, 'search-error');
  }
}

function renderMessage(view) {
  const m = view.summary;
  $('message-subject').textContent = m.subject || '(no subject)';
  const headers = [['From', people(m.from)], ['To', people(m.to)], ['Cc', people(m.cc)], ['Date', when(m.date)],
    ['Folder', m.account + ' / ' + m.folder], ['Status', view.status], ['Rules', view.rules.join(', ')],
    ['Message-ID', m.messageId], ['Problems', view.problems.join('; ')]];
  $('message-headers').replaceChildren(...headers.filter(([, v]) => v).flatMap(([k, v]) => [el('dt', '', k), el('dd', '', v)]));
  const base = '/api/messages/' + encodeURIComponent(m.id);
  $('message-attachments').replaceChildren(...m.attachments.map((a) => {
    const b = el('button', 'attachment-link clip', (a.name || '(unnamed)') + ' (' + size(a.size) + ')');
    b.type = 'button';
    b.addEventListener('click', () => download(base + '/attachments/' + a.index, a.name || 'attachment'));
    return b;
  }));
  $('raw-link').onclick = () => download(base + '/raw', 'message.eml');
  $('message-parts').replaceChildren(...view.parts.map((p) => {
    const part = el('section', 'part');
    part.append(el('h3', '', p.name === 'body' ? 'Message' : p.name), el('pre', '', p.text));
    return part;
  }));
}

function size(bytes) {
  return bytes < 1024 ? bytes + ' B' : bytes < 1048576 ? Math.round(bytes / 1024) + ' KB' : (bytes / 1048576).toFixed(1) + ' MB';
}

// Downloads need the token, which a plain link cannot send: fetch, then save the bytes through an object URL.
async function download(path, fallbackName) {
  try {
    const response = await api(path);
    const blob = await response.blob();
    const a = el('a');
    a.href = URL.createObjectURL(blob);
    a.download = filename(response.headers.get('Content-Disposition')) || fallbackName;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 60000);
  } catch (error) {
    failed(error, 'message-error');
  }
}

function filename(disposition) {
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition || '');
  if (extended) {
    try { return decodeURIComponent(extended[1]); } catch (ignored) { /* malformed: try the plain name */ }
  }
  const plain = /filename="([^"]*)"/i.exec(disposition || '');
  return plain ? plain[1] : null;
}

function start() {
  $('login-form').addEventListener('submit', (e) => {
    e.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, $('token').value.trim());
    $('token').value = '';
    $('login-error').textContent = '';
    api('/api/status').then(() => { show('search-view'); $('q').focus(); }, (error) => failed(error, 'login-error'));
  });
  $('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    state.q = $('q').value;
    state.sort = $('sort').value;
    state.offset = 0;
    search();
  });
  $('prev').addEventListener('click', () => { state.offset = Math.max(0, state.offset - PAGE_SIZE); search(); });
  $('next').addEventListener('click', () => { state.offset += PAGE_SIZE; search(); });
  $('back').addEventListener('click', () => show('search-view'));
  $('logout').addEventListener('click', () => { sessionStorage.removeItem(TOKEN_KEY); show('login-form'); });
  show(sessionStorage.getItem(TOKEN_KEY) ? 'search-view' : 'login-form');
}

document.addEventListener('DOMContentLoaded', start);
