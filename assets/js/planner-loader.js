// Starts the planner: fetches the fingerprinted .wasm named in this script's
// data attributes, runs it with Go's wasm_exec.js, and puts a clear message on
// the page when it cannot load or stops.
(function () {
  "use strict";
  var script = document.currentScript;
  var root = document.documentElement;
  root.classList.add("planner-js");

  // fail shows the message in the page's alert region, which is always in the
  // page so that screen readers announce it, and marks the planner as failed.
  function fail(message) {
    root.classList.add("planner-failed");
    var status = document.getElementById("planner-status");
    if (status) {
      status.textContent = message;
      status.classList.add("notice", "notice-error");
    }
    var tier = document.querySelector('[data-result="tier"]');
    if (tier && !root.classList.contains("planner-ready")) tier.textContent = "not available";
  }

  if (!script || typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
    fail("The planner cannot run in this browser because it needs WebAssembly. Try a current version of Chrome, Edge, Firefox or Safari; the guide works without it.");
    return;
  }
  if (typeof Go !== "function") {
    fail("The planner could not load its support script (wasm_exec.js). Check your connection and reload the page; the guide works without it.");
    return;
  }

  // applyWrites makes the page writes of one planner update, which the Go
  // program sends as one JSON array of strings so that it crosses into
  // JavaScript once per update rather than once per write. The format is
  // described in the program's wasm/batch.go. It returns the hooks of the
  // sections it could not patch or that something else changed; the
  // program then writes those whole.
  function applyWrites(batch) {
    var writes = JSON.parse(batch);
    var failed = [];
    // Changes made before this call were not the program's own.
    Object.keys(hooks).forEach(resultElement);
    noteForeignChanges(observer.takeRecords());
    restoreTexts();
    for (var i = 0; i < writes.length; i += writes[i] === "t" || writes[i] === "h" ? 3 : 4) {
      var op = writes[i];
      var hook = writes[i + 1];
      var el = resultElement(hook);
      if (!el || failed.indexOf(hook) >= 0) continue;
      if (op === "t") {
        shownText[hook] = writes[i + 2];
        if (el.textContent !== writes[i + 2]) el.textContent = writes[i + 2];
      } else if (op === "a") {
        shownAttributes[hook] = shownAttributes[hook] || {};
        shownAttributes[hook][writes[i + 2]] = writes[i + 3];
        el.setAttribute(writes[i + 2], writes[i + 3]);
      } else if (op === "h") {
        if (changedByOthers[hook]) restoreAttributes(el, hook);
        el.innerHTML = writes[i + 2];
        delete changedByOthers[hook];
      } else {
        el = changedByOthers[hook] ? null : elementAt(el, writes[i + 2]);
        if (!el) {
          failed.push(hook);
        } else if (op === "p") {
          el.textContent = writes[i + 3];
        } else {
          el.outerHTML = writes[i + 3];
        }
      }
    }
    // The changes just made are the program's own.
    observer.takeRecords();
    for (hook in changedByOthers) {
      if (failed.indexOf(hook) < 0) failed.push(hook);
    }
    return failed;
  }

  // shownText is the text applyWrites last gave each text-only hook, and
  // shownAttributes are the attributes it set on hooks, so that
  // restoreTexts can undo what something else changed there.
  var shownText = {};
  var shownAttributes = {};

  // restoreTexts writes again the text and attributes of the text-only
  // hooks that something else changed. Sections are left to the program,
  // which keeps their content.
  function restoreTexts() {
    for (var hook in changedByOthers) {
      if (!(hook in shownText)) continue;
      var el = resultElement(hook);
      if (!el) continue;
      el.textContent = shownText[hook];
      restoreAttributes(el, hook);
      delete changedByOthers[hook];
    }
  }

  // resultElement returns the element with the given data-result hook, or
  // null. It looks again when something replaced the element it found, and
  // counts the new element as changed by others: it may be an edited copy.
  var hooks = {};
  function resultElement(hook) {
    var el = hooks[hook];
    if (!el || !el.isConnected) {
      if (el) changedByOthers[hook] = true;
      el = hooks[hook] = document.querySelector('[data-result="' + hook + '"]');
      if (el) observer.observe(el, { subtree: true, childList: true, attributes: true, characterData: true });
      if (el && !served[hook]) {
        served[hook] = {};
        for (var i = 0; i < el.attributes.length; i++) served[hook][el.attributes[i].name] = el.attributes[i].value;
      }
    }
    return el;
  }

  // served records each hook's attributes as the page was served.
  var served = {};

  // restoreAttributes gives a hook element back the attributes it was
  // served with and those applyWrites set, and removes any other.
  function restoreAttributes(el, hook) {
    var want = {};
    [served[hook] || {}, shownAttributes[hook] || {}].forEach(function (attributes) {
      for (var name in attributes) want[name] = attributes[name];
    });
    Array.prototype.slice.call(el.attributes).forEach(function (attribute) {
      if (!(attribute.name in want)) el.removeAttribute(attribute.name);
    });
    for (var name in want) {
      if (el.getAttribute(name) !== want[name]) el.setAttribute(name, want[name]);
    }
  }

  // changedByOthers marks the hooks of the sections that something other
  // than applyWrites changed since applyWrites last wrote them whole.
  // Their next patch could land on the wrong element, so they are written
  // whole instead.
  var changedByOthers = {};
  var observer = new MutationObserver(noteForeignChanges);
  function noteForeignChanges(records) {
    records.forEach(function (record) {
      for (var node = record.target; node; node = node.parentNode) {
        if (node.nodeType === Node.ELEMENT_NODE && node.hasAttribute("data-result")) {
          changedByOthers[node.getAttribute("data-result")] = true;
          return;
        }
      }
    });
  }

  // elementAt follows a path of "count.index.tag/" steps down from el, and
  // returns null where the page does not match a step.
  function elementAt(el, path) {
    var steps = path.split("/");
    for (var i = 0; i < steps.length - 1; i++) {
      var step = steps[i].split(".");
      var kids = el.children;
      if (kids.length !== +step[0]) return null;
      el = kids[+step[1]];
      if (!el || el.localName !== step[2]) return null;
    }
    return el;
  }
  window.entPlanner = { applyWrites: applyWrites };

  var go = new Go();
  var url = script.dataset.wasm;
  var options = { credentials: "same-origin" };
  if (script.dataset.wasmIntegrity) options.integrity = script.dataset.wasmIntegrity;

  function instantiate(response) {
    if (!response.ok) {
      throw new Error("the server returned status " + response.status + " for " + url);
    }
    var type = response.headers.get("Content-Type") || "";
    if (typeof WebAssembly.instantiateStreaming === "function" && type.indexOf("application/wasm") === 0) {
      return WebAssembly.instantiateStreaming(response, go.importObject);
    }
    // Hosts that send another type for .wasm files: compile from the bytes.
    return response.arrayBuffer().then(function (bytes) {
      return WebAssembly.instantiate(bytes, go.importObject);
    });
  }

  fetch(url, options)
    .then(instantiate)
    .then(function (result) {
      // Start Go in a task of its own, so the browser can paint between
      // making the instance and starting the runtime.
      return new Promise(function (resolve) { setTimeout(resolve, 0); }).then(function () {
        return go.run(result.instance);
      });
    })
    .then(function () {
      stopped("");
    })
    .catch(function (err) {
      var detail = err && err.message ? err.message : String(err);
      if (root.classList.contains("planner-ready")) {
        stopped(" (" + detail + ")");
        return;
      }
      // A fetch with an integrity check fails with a bare "Failed to fetch"
      // when the server returns an error page, so request the status.
      var advice = "Check your connection and reload the page";
      fetch(url, { method: "HEAD", credentials: "same-origin", cache: "no-store" })
        .then(function (response) {
          if (!response.ok) {
            detail = "the server returned status " + response.status + " for " + url;
            // A connection that works cannot fix a file the server lacks.
            advice = "This site's copy of the planner is incomplete; try again later or tell the site's owner";
          }
        }, function () {})
        .then(function () {
          fail("The planner could not load (" + detail + "). " + advice + "; the guide works without it.");
        });
    });

  // stopped reports a program that ran and then exited or crashed.
  function stopped(detail) {
    fail("The planner stopped unexpectedly" + detail + ". Your entries are still in the address bar; reload the page to start it again.");
  }
})();
