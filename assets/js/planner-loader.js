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
  // described in the program's wasm/batch.go.
  function applyWrites(batch) {
    var writes = JSON.parse(batch);
    for (var i = 0; i < writes.length; i += writes[i] === "a" ? 4 : 3) {
      var el = resultElement(writes[i + 1]);
      if (!el) continue;
      if (writes[i] === "t") {
        if (el.textContent !== writes[i + 2]) el.textContent = writes[i + 2];
      } else if (writes[i] === "a") {
        el.setAttribute(writes[i + 2], writes[i + 3]);
      } else {
        var template = document.createElement("template");
        template.innerHTML = writes[i + 2];
        morphChildren(el, template.content);
      }
    }
  }

  // resultElement returns the element with the given data-result hook, or
  // null. It looks again when an extension replaced the element it found.
  var hooks = {};
  function resultElement(hook) {
    var el = hooks[hook];
    if (!el || !el.isConnected) {
      el = hooks[hook] = document.querySelector('[data-result="' + hook + '"]');
    }
    return el;
  }

  // morphChildren makes the children of el match those of want, node by
  // node in order. A node with the same type, tag and attributes is kept and
  // its children are matched in turn, so unchanged parts of a section stay
  // in place for screen readers. Any other node is replaced by a copy from
  // want. Comparing with the page rather than with the last update also
  // undoes what an extension such as a translator changed in the section.
  function morphChildren(el, want) {
    var i = 0;
    for (var node = want.firstChild; node; node = node.nextSibling, i++) {
      var have = el.childNodes[i];
      if (!have) {
        el.appendChild(node.cloneNode(true));
      } else if (!sameNode(have, node)) {
        el.replaceChild(node.cloneNode(true), have);
      } else if (have.nodeType === Node.ELEMENT_NODE) {
        morphChildren(have, node);
      } else if (have.nodeValue !== node.nodeValue) {
        have.nodeValue = node.nodeValue;
      }
    }
    while (el.childNodes.length > i) el.removeChild(el.lastChild);
  }

  // sameNode reports whether two nodes have the same type and, for
  // elements, the same tag and attributes in the same order.
  function sameNode(a, b) {
    if (a.nodeType !== b.nodeType || a.nodeName !== b.nodeName) return false;
    if (a.nodeType !== Node.ELEMENT_NODE) return true;
    if (a.attributes.length !== b.attributes.length) return false;
    for (var i = 0; i < a.attributes.length; i++) {
      if (a.attributes[i].name !== b.attributes[i].name || a.attributes[i].value !== b.attributes[i].value) return false;
    }
    return true;
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
