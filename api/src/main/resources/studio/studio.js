// krag studio: post a story, watch its run live, judge its shots. Plain DOM and the krag API, nothing else.
'use strict';

const STAGES = ['PARSE', 'PLAN', 'GENERATE', 'EDIT', 'CRITIQUE'];
const $ = (selector) => document.querySelector(selector);
let key = sessionStorage.getItem('krag-key') || '';
let current = null; // { runId, socket, run }

function showError(message) {
  const box = $('#error');
  box.textContent = message;
  box.hidden = false;
  setTimeout(() => { box.hidden = true; }, 8000);
}

/** A call to the API with this key; the JSON answer, or an Error with the API's message. */
async function api(path, options = {}) {
  const headers = { 'X-API-Key': key, ...(options.body ? { 'Content-Type': 'application/json' } : {}) };
  const response = await fetch(path, { ...options, headers });
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new Error(body && body.message ? `${body.error}: ${body.message}` : `HTTP ${response.status}`);
  }
  return body;
}

/** A URL a media element can load itself: elements send no headers, so the key rides in the query. */
function mediaUrl(path, version) {
  return `${path}?access_token=${encodeURIComponent(key)}&v=${version}`;
}

async function signIn(event) {
  event.preventDefault();
  key = $('#key').value.trim();
  sessionStorage.setItem('krag-key', key);
  try {
    await loadRuns();
    $('#who').textContent = 'signed in';
  } catch (e) {
    $('#who').textContent = '';
    showError(e.message);
  }
}

async function loadRuns() {
  const runs = await api('/api/v1/runs');
  const list = $('#runs');
  list.replaceChildren(...runs.map((run) => {
    const item = document.createElement('li');
    item.dataset.run = run.runId;
    item.textContent = `${run.title} — ${run.status}`;
    item.classList.toggle('chosen', current !== null && current.runId === run.runId);
    item.addEventListener('click', () => openRun(run.runId));
    return item;
  }));
}

async function postStory(event) {
  event.preventDefault();
  $('#make').disabled = true;
  try {
    const title = $('#title').value.trim();
    const story = await api('/api/v1/stories', {
      method: 'POST', body: JSON.stringify(title ? { title, text: $('#text').value } : { text: $('#text').value }),
    });
    const seconds = $('#seconds').value;
    const run = await api(`/api/v1/stories/${story.storyId}/run`, {
      method: 'POST', body: seconds ? JSON.stringify({ targetDurationSeconds: Number(seconds) }) : '',
    });
    await openRun(run.runId);
    await loadRuns();
  } catch (e) {
    showError(e.message);
  } finally {
    $('#make').disabled = false;
  }
}

function readFile() {
  const file = $('#file').files[0];
  if (file) {
    file.text().then((text) => { $('#text').value = text; });
  }
}

async function openRun(runId) {
  if (current && current.socket) {
    current.socket.close(1000, 'another run');
  }
  current = { runId, socket: null, run: null };
  $('#run').hidden = false;
  $('#events').replaceChildren();
  $('#shots').replaceChildren();
  $('#film').hidden = true;
  document.querySelectorAll('#runs li').forEach((li) => li.classList.toggle('chosen', li.dataset.run === runId));
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new WebSocket(`${scheme}//${location.host}/api/v1/runs/${runId}/events?access_token=${encodeURIComponent(key)}`);
  current.socket = socket;
  socket.addEventListener('message', (message) => onNews(runId, JSON.parse(message.data)));
  socket.addEventListener('close', (closed) => {
    if (current && current.runId === runId && closed.code !== 1000) {
      showError(`the live view of ${runId} closed (${closed.code} ${closed.reason})`);
    }
  });
}

function onNews(runId, news) {
  if (!current || current.runId !== runId) {
    return;
  }
  switch (news.type) {
    case 'run':
      showRun(news.run);
      refreshShots();
      refreshCosts();
      break;
    case 'event':
      logEvent(news.event);
      markStage(news.event.stage, news.event.type);
      refreshRun();
      if (news.event.type === 'SHOT_READY' || news.event.type === 'COMPLETED') {
        refreshShots();
      }
      break;
    case 'cost':
      refreshCosts();
      break;
    case 'feedback':
      logLine(`feedback ${news.feedbackId} ${news.status}`);
      break;
    case 'error':
      showError(`${news.error}: ${news.message}`);
      break;
    default:
      break;
  }
}

/** Coalesces bursts of news into one request each. */
function coalesced(load) {
  let pending = null;
  return () => {
    if (!pending) {
      pending = setTimeout(() => { pending = null; load().catch((e) => showError(e.message)); }, 300);
    }
  };
}

const refreshRun = coalesced(async () => showRun(await api(`/api/v1/runs/${current.runId}`)));

const refreshCosts = coalesced(async () => {
  const costs = await api(`/api/v1/runs/${current.runId}/costs`);
  $('#costs tbody').replaceChildren(...costs.lines.map((line) => row(
    [line.stage, line.provider, line.model, line.calls, line.usd.toFixed(4), line.computeSeconds.toFixed(1)])));
  $('#cost-usd').textContent = `$${costs.totalUsd.toFixed(4)}`;
  $('#cost-seconds').textContent = costs.computeSeconds.toFixed(1);
});

const refreshShots = coalesced(async () => {
  const shots = await api(`/api/v1/runs/${current.runId}/shots`);
  $('#shots').replaceChildren(...shots.map(shotCard));
});

function row(cells) {
  const tr = document.createElement('tr');
  cells.forEach((cell) => { const td = document.createElement('td'); td.textContent = cell; tr.append(td); });
  return tr;
}

function showRun(run) {
  current.run = run;
  $('#run-title').textContent = run.title;
  const score = run.criticScore ? `, critic ${run.criticScore.toFixed(2)}` : '';
  const ended = run.status === 'COMPLETED' || run.status === 'FAILED' || run.status === 'BUDGET_EXCEEDED';
  const shots = ended ? `${run.shots} shots`
    : `${run.readyShots.length} of ${run.shots} shots rendered`;
  $('#run-status').textContent = `${run.status} · iteration ${run.iteration} · ${shots}${score}` + (run.error ? ` · ${run.error}` : '');
  const listed = document.querySelector(`#runs li[data-run="${run.runId}"]`);
  if (listed) {
    listed.textContent = `${run.title} — ${run.status}`;
  }
  $('#run-status').dataset.status = run.status;
  $('#run-status').dataset.iteration = run.iteration;
  const at = STAGES.indexOf(run.currentStage);
  $('#stages').replaceChildren(...STAGES.map((stage, i) => {
    const chip = document.createElement('li');
    chip.dataset.stage = stage;
    chip.textContent = stage.toLowerCase();
    chip.className = run.status === 'COMPLETED' || i < at ? 'completed' : i === at ? (run.status === 'FAILED' || run.status === 'BUDGET_EXCEEDED' ? 'failed' : 'started') : '';
    return chip;
  }));
  const film = $('#film');
  if (run.status === 'COMPLETED' && run.videoPath) {
    const source = mediaUrl(`/api/v1/runs/${run.runId}/output`, `${run.iteration}-${run.updatedAt}`);
    if (film.dataset.source !== source) {
      film.dataset.source = source;
      film.src = source;
    }
    film.hidden = false;
  }
}

function markStage(stage, type) {
  const chip = document.querySelector(`#stages li[data-stage="${stage}"]`);
  if (chip) {
    chip.className = type === 'COMPLETED' ? 'completed' : type === 'FAILED' || type === 'BUDGET_EXCEEDED' ? 'failed' : 'started';
  }
}

function logEvent(event) {
  logLine(`${new Date(event.at).toLocaleTimeString()} ${event.stage.toLowerCase()} ${event.type.toLowerCase()}`
    + (event.message ? ` — ${event.message}` : ''));
}

function logLine(text) {
  const item = document.createElement('li');
  item.textContent = text;
  $('#events').prepend(item);
}

function shotCard(shot) {
  const card = document.createElement('li');
  card.dataset.shot = shot.shotId;
  card.dataset.iteration = shot.iteration;
  const image = document.createElement('img');
  image.alt = shot.narration;
  image.src = mediaUrl(`/api/v1/runs/${current.runId}/shots/${shot.shotId}/image`, shot.iteration);
  const narration = document.createElement('p');
  narration.className = 'narration';
  narration.textContent = shot.narration;
  const meta = document.createElement('p');
  meta.className = 'meta';
  meta.textContent = `${shot.shotId} · ${shot.camera.toLowerCase().replaceAll('_', ' ')} · ${shot.durationSeconds.toFixed(1)} s · render ${shot.iteration}`;
  const comment = document.createElement('input');
  comment.placeholder = 'what to change';
  const verdict = document.createElement('div');
  verdict.className = 'verdict';
  verdict.append(comment, judge('Approve', 'approve', shot, comment, card), judge('Reject', 'reject', shot, comment, card));
  card.append(image, narration, meta, verdict);
  return card;
}

function judge(label, action, shot, comment, card) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = `small ${action === 'approve' ? 'quiet' : ''}`;
  button.textContent = label;
  button.dataset.action = action;
  button.addEventListener('click', () => {
    current.socket.send(JSON.stringify({ shotId: shot.shotId, action, comment: comment.value }));
    card.classList.add(action === 'approve' ? 'approved' : 'rejected');
  });
  return button;
}

function revise(event) {
  event.preventDefault();
  current.socket.send(JSON.stringify({ action: 'revise', comment: $('#revision').value }));
  $('#revision').value = '';
}

$('#signin').addEventListener('submit', signIn);
$('#revise').addEventListener('submit', revise);
$('#story').addEventListener('submit', postStory);
$('#file').addEventListener('change', readFile);
$('#refresh').addEventListener('click', () => loadRuns().catch((e) => showError(e.message)));
if (key) {
  $('#key').value = key;
  loadRuns().then(() => { $('#who').textContent = 'signed in'; }).catch(() => {});
}
