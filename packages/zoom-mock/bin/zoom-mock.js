#!/usr/bin/env node
// The `zoom-mock` command. It lives outside dist/ because a workspace install links commands before
// anything is built; the code it runs is the build's (src/bin/zoom-mock.ts).
import "../dist/bin/zoom-mock.js";
