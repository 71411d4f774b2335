// Search: results as the reader types, in the header's panel and on the search page.
// The index is one file per month (tim-kiem/2020-09.<version>.json); a directory cut by the first
// two letters of a word (tim-kiem/terms-3.json) says which months hold it. Only the months holding
// every word typed are read, newest first, a few at a time. On the search page, a result found
// only by its body shows the sentence of it holding the words, read from the article's page.
(function () {
  var box = document.querySelector('form.search-box');
  if (!box || window.bantinSearch) return;
  window.bantinSearch = true;
  var root = new URL(box.getAttribute('data-root'), location.href);
  var manifestUrl = new URL(box.getAttribute('data-index'), location.href);
  // Articles a step reads; the next step is taken by itself while few results are found.
  var STEP = 100;
  var AUTO = 1500;
  var WORD = /[\s\u00a0!-/:-@[-`{-~\u2000-\u206f\u3000-\u303f]+/;
  var manifest, shards = {}, directory = {}, pages = {}, ready;
  // The blocks of an article's body holding its text: a sentence is looked for in each alone.
  var BLOCKS = 'p, li, h2, h3, h4, h5, h6, td, th, dd, dt, figcaption, pre';

  function fold(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[\u0111\u0110]/g, 'd').toLowerCase();
  }

  function words(text) {
    return text.toLowerCase().normalize('NFC').split(WORD).filter(Boolean);
  }

  function start() {
    if (ready) return ready;
    ready = new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = box.getAttribute('data-library');
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    }).then(function () {
      // The list and the directory are asked for afresh (a 304 when unchanged): after a new
      // build they name the new months' files, never ones the browser kept from before.
      return fetch(manifestUrl, { cache: 'no-cache' }).then(json);
    }).then(function (text) {
      manifest = JSON.parse(text);
      // A month's number in the directory counts from the oldest.
      manifest.shards.forEach(function (entry, i) { entry.id = manifest.shards.length - 1 - i; });
    });
    ready.catch(function () {
      ready = undefined;
    });
    return ready;
  }

  function json(response) {
    if (!response.ok) throw new Error(response.status);
    return response.text();
  }

  function shard(entry) {
    if (!shards[entry.file]) {
      shards[entry.file] = fetch(new URL(entry.file, manifestUrl)).then(json).then(function (text) {
        return window.MiniSearch.loadJSON(text, { fields: ['title', 'text'], storeFields: ['title', 'url', 'date', 'section', 'excerpt'], processTerm: fold });
      });
      shards[entry.file].catch(function () {
        delete shards[entry.file];
      });
    }
    return shards[entry.file];
  }

  // The directory's file for a folded word: a hash of its first two letters, as the build made it.
  function terms(term) {
    var prefix = Array.from(term).slice(0, 2).join(''), hash = 0;
    for (var i = 0; i < prefix.length; i++) hash = (hash * 31 + prefix.charCodeAt(i)) >>> 0;
    var file = manifest.terms[hash % manifest.terms.length];
    if (!directory[file]) {
      directory[file] = fetch(new URL(file, manifestUrl), { cache: 'no-cache' }).then(json).then(JSON.parse);
      directory[file].catch(function () {
        delete directory[file];
      });
    }
    return directory[file];
  }

  // The numbers of the months holding every word of the query (the last one as a prefix being
  // typed), or null when any month may: a last word of one letter begins too many words.
  function holding(query) {
    var typed = window.MiniSearch.getDefault('tokenize')(query).map(fold).filter(Boolean);
    var asked = typed.filter(function (term, i) { return i < typed.length - 1 || Array.from(term).length > 1; });
    return Promise.all(asked.map(terms)).then(function (files) {
      var months = null;
      asked.forEach(function (term, i) {
        var own = {}, file = files[i];
        if (i < typed.length - 1) {
          if (Object.prototype.hasOwnProperty.call(file, term)) numbers(file[term], own);
        } else {
          Object.keys(file).forEach(function (word) {
            if (word.indexOf(term) === 0) numbers(file[word], own);
          });
        }
        if (months) Object.keys(months).forEach(function (id) { if (!own[id]) delete months[id]; });
        else months = own;
      });
      return months;
    });
  }

  // "0-2,5" -> {0, 1, 2, 5}, added to `into`.
  function numbers(ranges, into) {
    ranges.split(',').forEach(function (range) {
      var ends = range.split('-');
      for (var n = +ends[0]; n <= +(ends[1] || ends[0]); n++) into[n] = true;
    });
  }

  // Searches the newest months of the chosen year that hold the words, until `reach` articles are read.
  function search(query, filters, reach) {
    return holding(query).then(function (months) {
      return searchIn(query, filters, reach, manifest.shards.filter(function (entry) {
        return (!filters.year || String(entry.year) === filters.year) && (!months || months[entry.id]);
      }));
    });
  }

  function searchIn(query, filters, reach, entries) {
    var chosen = [], read = 0;
    while (chosen.length < entries.length && (chosen.length === 0 || read < reach)) {
      chosen.push(entries[chosen.length]);
      read += chosen[chosen.length - 1].count;
    }
    return Promise.all(chosen.map(shard)).then(function (indexes) {
      var hits = [];
      indexes.forEach(function (index) {
        hits = hits.concat(index.search(query, {
          combineWith: 'AND',
          boost: { title: 3 },
          prefix: function (term, i, terms) { return i === terms.length - 1; },
          filter: filters.section ? function (hit) { return hit.section === filters.section; } : undefined,
        }));
      });
      var last = chosen[chosen.length - 1];
      return { hits: rank(query, hits), read: read, more: chosen.length < entries.length, since: last && last.month + '/' + last.year };
    });
  }

  // Words typed with their tone marks and found spelled so in the title count extra;
  // then the higher score first, the newer on a tie.
  function rank(query, hits) {
    var toned = words(query).filter(function (word) { return fold(word) !== word; });
    hits.forEach(function (hit) {
      var own = ' ' + words(hit.title).join(' ') + ' ';
      var exact = toned.filter(function (word) { return own.indexOf(' ' + word + ' ') >= 0; }).length;
      hit.rank = Math.round(hit.score * (1 + exact / Math.max(1, toned.length)) * 10);
    });
    return hits.sort(function (a, b) {
      return b.rank - a.rank || (a.date < b.date ? 1 : a.date > b.date ? -1 : 0);
    });
  }

  var SPLIT = /([\s\u00a0!-/:-@[-`{-~\u2000-\u206f]+)/;

  // For a word of a text, which word of the query it is (the last one as a prefix), or -1.
  function finder(query) {
    var terms = words(query).map(fold);
    return function (part) {
      var key = fold(part);
      for (var j = 0; j < terms.length; j++) {
        if (key === terms[j] || (j === terms.length - 1 && key.indexOf(terms[j]) === 0)) return j;
      }
      return -1;
    };
  }

  // The text with the words the query found wrapped in <mark>.
  function marked(text, query) {
    var find = finder(query);
    var out = document.createDocumentFragment();
    text.split(SPLIT).forEach(function (part, i) {
      if (i % 2 || !part || find(part) < 0) return out.appendChild(document.createTextNode(part));
      var mark = document.createElement('mark');
      mark.textContent = part;
      out.appendChild(mark);
    });
    return out;
  }

  // The page of an article, its body's text block by block (kept: the same page serves every query).
  function body(url) {
    if (!pages[url]) {
      pages[url] = fetch(url).then(json).then(function (html) {
        var text = new DOMParser().parseFromString(html, 'text/html').querySelector('.article__body');
        var blocks = text ? [].slice.call(text.querySelectorAll(BLOCKS)) : [];
        return blocks.filter(function (block) { return !block.querySelector(BLOCKS); }).map(function (block) {
          return block.textContent.replace(/\s+/g, ' ').trim();
        });
      });
    }
    return pages[url];
  }

  // The first sentence holding the most words of the query, cut to about 200 characters around
  // the first of them, "…" where cut; '' when no sentence holds one.
  function snippet(blocks, query) {
    var find = finder(query), best, most = 0;
    blocks.forEach(function (block) {
      block.replace(/([.!?\u2026]+["\u201d\u2019)]*) /g, '$1\n').split('\n').forEach(function (sentence) {
        var found = {}, first = -1, at = 0;
        sentence.split(SPLIT).forEach(function (part, i) {
          var j = i % 2 || !part ? -1 : find(part);
          if (j >= 0 && first < 0) first = at;
          if (j >= 0) found[j] = true;
          at += part.length;
        });
        if (Object.keys(found).length > most) {
          most = Object.keys(found).length;
          best = { text: sentence, at: first };
        }
      });
    });
    if (!best) return '';
    // From a little before the word, or earlier when the sentence ends soon after it.
    var text = best.text, to = text.length, start = to > 220 ? Math.min(best.at - 60, to - 200) : 0;
    var from = start > 0 ? text.lastIndexOf(' ', start) + 1 : 0;
    if (to - from > 220 && text.lastIndexOf(' ', from + 200) > best.at) to = text.lastIndexOf(' ', from + 200);
    return (from ? '\u2026 ' : '') + text.slice(from, to) + (to < text.length ? ' \u2026' : '');
  }

  // Puts in place of a result's lead the sentence of its article holding the words; a page that
  // fails to come, or holds none of them, leaves the lead.
  function fill(li, query) {
    return body(li.querySelector('a').href).then(function (blocks) {
      var text = li.isConnected && snippet(blocks, query);
      if (!text) return;
      var excerpt = li.querySelector('p:not([class])') || li.appendChild(document.createElement('p'));
      excerpt.textContent = '';
      excerpt.appendChild(marked(text, query));
    });
  }

  // Results of the search page whose title and lead hold none of the words: the sentence of the
  // article that does, read from its page once the result is in view (or nearly), ten at a time.
  function snippets() {
    var queue = [], running = 0, query;
    var watch = window.IntersectionObserver && new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting || !entry.target.isConnected) return;
        watch.unobserve(entry.target);
        queue.push(entry.target);
      });
      next();
    }, { rootMargin: '0px 0px 100% 0px' });
    function next() {
      while (running < 10 && queue.length) {
        running++;
        fill(queue.shift(), query).catch(function () {}).then(function () {
          running--;
          next();
        });
      }
    }
    return function (list, asked) {
      query = asked;
      queue = [];
      if (watch) watch.disconnect();
      [].forEach.call(list.children, function (li) {
        if (li.querySelector('mark')) return;
        if (watch) watch.observe(li);
        else queue.push(li);
      });
      next();
    };
  }

  function day(date) {
    var parts = date.split('-');
    if (manifest.language === 'vi') return parts[2] + '/' + parts[1] + '/' + parts[0];
    return new Date(Date.UTC(+parts[0], parts[1] - 1, +parts[2])).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  }

  function item(hit, query, withExcerpt) {
    var li = document.createElement('li');
    var link = document.createElement('a');
    link.href = new URL(hit.url, root).href;
    link.appendChild(marked(hit.title, query));
    li.appendChild(link);
    var about = document.createElement('p');
    about.className = 'search-results__about';
    about.textContent = day(hit.date) + (hit.section ? ' · ' + hit.section : '');
    li.appendChild(about);
    if (withExcerpt && hit.excerpt) {
      var excerpt = document.createElement('p');
      excerpt.appendChild(marked(hit.excerpt, query));
      li.appendChild(excerpt);
    }
    return li;
  }

  function count(found) {
    var t = manifest.strings;
    if (found.hits.length === 0 && !found.more) return t.searchNoResults;
    return found.hits.length + ' ' + t.searchResults + (found.more ? ' ' + t.searchSince + ' ' + found.since : '');
  }

  // One place that shows results: its list, its live count, and how far back it searches.
  function view(list, status, options) {
    var asked = 0, reach = STEP, more = options.excerpts && snippets();
    return function show(query, filters, wider) {
      var mine = ++asked;
      reach = wider ? reach + STEP * 2 : STEP;
      if (!query.trim()) {
        list.textContent = '';
        status.textContent = '';
        if (more) more(list, query);
        return options.done && options.done(null);
      }
      start().then(function () {
        // Looking further back, the count found so far stays.
        if (mine === asked && !wider) status.textContent = manifest.strings.searchLoading;
        return search(query, filters, reach);
      }).then(function (found) {
        if (mine !== asked) return;
        list.textContent = '';
        found.hits.slice(0, options.limit).forEach(function (hit) {
          list.appendChild(item(hit, query, options.excerpts));
        });
        status.textContent = count(found);
        // Only now, with the results and their count shown, are articles' pages read.
        if (more) more(list, query);
        if (options.done) options.done(found);
        // Few found yet: look further back by itself, up to a bound, showing what it has meanwhile.
        if (found.more && found.hits.length < 10 && found.read < AUTO) show(query, filters, true);
      }, function (error) {
        if (window.console) console.error(error);
        // Without the manifest, the box says it in the site's language all the same.
        if (mine === asked) status.textContent = manifest ? manifest.strings.searchFailed : box.getAttribute('data-failed');
      });
    };
  }

  // The header's box: a panel under it with the first results, a live count and a link to them all.
  function header() {
    var input = box.querySelector('input[type=search]');
    var panel = document.createElement('div');
    panel.className = 'search-panel';
    panel.id = 'ket-qua-nhanh';
    panel.hidden = true;
    var status = document.createElement('p');
    status.className = 'search-status';
    status.setAttribute('role', 'status');
    var list = document.createElement('ol');
    list.className = 'search-results';
    var all = document.createElement('a');
    all.className = 'search-panel__all';
    all.hidden = true;
    panel.appendChild(status);
    panel.appendChild(list);
    panel.appendChild(all);
    box.appendChild(panel);
    input.setAttribute('aria-controls', panel.id);
    var show = view(list, status, { limit: 5, excerpts: false, done: function (found) {
      all.hidden = !found || found.hits.length === 0;
    } });
    function open(opened) {
      panel.hidden = !opened;
    }
    input.addEventListener('input', function () {
      open(input.value.trim() !== '');
      all.href = new URL(box.getAttribute('action'), location.href).href + '?q=' + encodeURIComponent(input.value);
      all.textContent = manifest ? manifest.strings.searchSeeAll : '';
      show(input.value, {});
      if (!manifest) start().then(function () { all.textContent = manifest.strings.searchSeeAll; });
    });
    arrows(box, input, open);
    if (input.value.trim()) input.dispatchEvent(new Event('input'));
    else start();
  }

  // Down and up move between the results, Escape closes the panel and returns to the box.
  function arrows(area, input, open) {
    area.addEventListener('keydown', function (event) {
      var links = [].slice.call(area.querySelectorAll('.search-panel a:not([hidden])'));
      var at = links.indexOf(document.activeElement);
      if (event.key === 'Escape') {
        open(false);
        input.focus();
      } else if (event.key === 'ArrowDown' && links.length) {
        links[Math.min(at + 1, links.length - 1)].focus();
      } else if (event.key === 'ArrowUp' && at >= 0) {
        (at === 0 ? input : links[at - 1]).focus();
      } else {
        return;
      }
      event.preventDefault();
    });
    document.addEventListener('click', function (event) {
      if (!area.contains(event.target)) open(false);
    });
  }

  // The search page: the query and filters come from the address and go back to it.
  function searchPage(form) {
    var input = form.querySelector('input[type=search]');
    // The page's ids are in the site's language: the count is what the box describes itself by.
    var status = document.getElementById(input.getAttribute('aria-describedby'));
    var list = status.nextElementSibling;
    var older = document.createElement('button');
    older.type = 'button';
    older.className = 'search-older';
    older.hidden = true;
    list.parentNode.insertBefore(older, list.nextSibling);
    var show = view(list, status, { limit: 100, excerpts: true, done: function (found) {
      older.hidden = !found || !found.more;
      older.textContent = manifest.strings.searchOlder;
    } });
    var params = new URLSearchParams(location.search);
    ['q', 'section', 'year'].forEach(function (name) {
      if (params.get(name)) form.elements[name].value = params.get(name);
    });
    function run(wider) {
      var filters = { section: form.elements.section.value, year: form.elements.year.value };
      var query = new URLSearchParams({ q: input.value });
      if (filters.section) query.set('section', filters.section);
      if (filters.year) query.set('year', filters.year);
      history.replaceState(null, '', '?' + query);
      show(input.value, filters, wider);
    }
    form.addEventListener('input', function () { run(false); });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      run(false);
    });
    older.addEventListener('click', function () { run(true); });
    run(false);
  }

  var page = document.querySelector('form.search-form');
  if (page) searchPage(page);
  header();
})();
