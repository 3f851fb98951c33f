// Starts the planner: fetches the fingerprinted .wasm named in this script's
// data attributes, runs it with Go's wasm_exec.js, and puts a clear message on
// the page when it cannot load.
(function () {
  "use strict";
  var script = document.currentScript;
  var status = document.getElementById("planner-status");

  function fail(message) {
    if (!status) return;
    status.textContent = message;
    status.removeAttribute("hidden");
    status.removeAttribute("data-loading");
  }

  if (!script || typeof WebAssembly !== "object" || typeof Go !== "function") {
    fail("The planner cannot run in this browser: it needs WebAssembly. Try a current version of Chrome, Edge, Firefox or Safari.");
    return;
  }

  var go = new Go();
  var url = script.dataset.wasm;
  var options = { credentials: "same-origin" };
  if (script.dataset.wasmIntegrity) options.integrity = script.dataset.wasmIntegrity;

  function instantiate(response) {
    if (!response.ok) {
      throw new Error("the server answered " + response.status + " for " + url);
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
      if (status && status.hasAttribute("data-loading")) {
        status.setAttribute("hidden", "");
        status.removeAttribute("data-loading");
      }
      return go.run(result.instance);
    })
    .then(function () {
      fail("The planner stopped unexpectedly. Your entries are still in the address bar; reload the page to start it again.");
    })
    .catch(function (err) {
      fail("The planner could not load (" + (err && err.message ? err.message : err) + "). Check your connection and reload the page; the guide works without it.");
    });
})();
