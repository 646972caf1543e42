// run.js: careerquiz serve in a real browser (Debian's chromium driven by playwright-core), on a
// phone-sized screen, printed as TAP for tests/cli/test_browser.sh.
//
//   node tests/browser/run.js URL SCREENSHOT-DIR
//
// Takes the quiz with JavaScript on and with it off, checks the result page against the
// answers, runs axe-core on every kind of page (no serious or critical violations), and saves
// a screenshot of each page in SCREENSHOT-DIR for a person to look at. The server stores
// results (--db) and its facilitator key is in CQ_FACILITATOR_KEY: the facilitator screen is
// watched while other browsers finish.
"use strict";

const fs = require("fs");
const path = require("path");
const { chromium } = require("playwright-core");

const base = process.argv[2];
const shots = process.argv[3] || ".";
const phone = { width: 360, height: 740 };
const chromiumPath = process.env.CQ_CHROMIUM || "/usr/bin/chromium";
// Chromium as root in a sandbox without a network: no sandbox, nothing fetched in the
// background (the machine refuses those connections).
const chromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const tests = [];
function test(name, fn) { tests.push({ name, fn }); }

class Failure extends Error {}
function check(ok, message) { if (!ok) throw new Failure(message); }

// Runs axe-core in the page; fails on serious or critical violations.
async function accessible(page, label) {
  // Evaluated through the browser's debugging protocol: the page's Content-Security-Policy
  // rightly refuses an inline script tag.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () =>
    window.axe.run(document, { resultTypes: ["violations"] }));
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  check(bad.length === 0, `${label}: axe found ` + bad.map((v) =>
    `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)
    .join("; "));
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(shots, name + ".png"), fullPage: true });
}

// Answers every question with its first choice; clicks Next when there is no script.
async function takeQuiz(page, scripted) {
  for (let i = 0; i < 60; i++) {
    const question = page.locator("input[name=question]");
    if (await question.count() === 0) return;
    const id = await question.getAttribute("value");
    const type = await page.locator("input[name=answer]").first().getAttribute("type");
    await page.locator("label.option").first().click();
    if (!scripted || type === "checkbox") {
      await Promise.all([page.waitForLoadState("load"), page.click("button[value=next]")]);
    }
    await page.waitForFunction((previous) => {
      const q = document.querySelector("input[name=question]");
      return !q || q.value !== previous;
    }, id);
  }
  throw new Failure("the quiz never ended");
}

async function newPage(browser, javaScript) {
  const context = await browser.newContext({ viewport: phone, deviceScaleFactor: 2,
    javaScriptEnabled: javaScript, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
  page.on("pageerror", (e) => problems.push(String(e)));
  return { context, page, problems };
}

test("the quiz with javascript off reaches a result page with scores", async (browser) => {
  const { context, page, problems } = await newPage(browser, false);
  await page.goto(base + "/quiz");
  check(await page.locator("text=Question 1 of").count() === 1, "no question 1");
  await takeQuiz(page, false);
  await page.locator("h1").first().waitFor();
  const heading = await page.locator("h1").first().innerText();
  check(/Your career path:/.test(heading), "no result heading: " + heading);
  check(await page.locator("svg.phone-chart rect").count() >= 7, "the chart has fewer than 7 bars");
  check(/\d+\.\d%/.test(await page.locator("main").innerText()), "no scores on the page");
  await shot(page, "result-no-js");
  check(problems.length === 0, "console errors: " + problems.join("; "));
  await context.close();
});

test("the quiz with javascript on moves on by itself after a tap", async (browser) => {
  const { context, page, problems } = await newPage(browser, true);
  await page.goto(base + "/quiz");
  await shot(page, "question-1");
  await page.locator("label.option").nth(4).click();
  await page.locator("text=Question 2 of").waitFor();
  await shot(page, "question-2");
  // Back keeps the answer given, marked.
  await Promise.all([page.waitForLoadState("load"), page.click("button[value=back]")]);
  await page.locator("text=Question 1 of").waitFor();
  check(await page.locator("input[value=phd]").isChecked(), "the answer is not marked after back");
  await takeQuiz(page, true);
  check(/Your career path:/.test(await page.locator("h1").first().innerText()), "no result");
  await shot(page, "result");
  check(problems.length === 0, "console errors: " + problems.join("; "));
  await context.close();
});

test("a missing answer is asked again with a notice", async (browser) => {
  // With javascript on: axe runs in the page, which needs it.
  const { context, page } = await newPage(browser, true);
  await page.goto(base + "/quiz");
  await Promise.all([page.waitForLoadState("load"), page.click("button[value=next]")]);
  check(await page.locator("[role=alert]").count() === 1, "no notice");
  check(await page.locator("text=Question 1 of").count() === 1, "not question 1 again");
  await shot(page, "notice");
  await accessible(page, "the notice page");
  await context.close();
});

test("pages fit a 360 pixel screen without sideways scrolling", async (browser) => {
  const { context, page } = await newPage(browser, true);
  const width = () => page.evaluate(() => document.documentElement.scrollWidth);
  for (const url of ["/quiz", "/nothing"]) {
    await page.goto(base + url);
    const wide = await width();
    check(wide <= phone.width, `${url} is ${wide} px wide`);
  }
  await page.goto(base + "/quiz");
  await takeQuiz(page, true);
  const wide = await width();
  check(wide <= phone.width, `the result page is ${wide} px wide`);
  // Nor does any part of it hide text in a box that scrolls sideways: every cell a person can
  // see ends inside the screen (a table or header row kept for screen readers alone is a box of
  // one pixel).
  const cut = await page.$$eval("td, th", (all) => all.filter((e) => {
    const shown = (box) => box.width > 1 && box.height > 1;
    const kept = [e.closest("thead"), e.closest("table")].some((a) =>
      a && !shown(a.getBoundingClientRect()));
    const box = e.getBoundingClientRect();
    return !kept && shown(box) && box.right > window.innerWidth + 0.5;
  }).map((e) => e.innerText.slice(0, 40)));
  check(cut.length === 0, "cells past the screen's edge: " + cut.join(" | "));
  // A phone has no careerquiz command to run.
  const text = await page.locator("main").innerText();
  const command = text.match(/.{0,60}careerquiz (role|compare|score).{0,40}/);
  check(!command, "the page names a command to run: " + (command || [""])[0]);
  await context.close();
});

test("touch targets are at least 44 pixels high", async (browser) => {
  const { context, page } = await newPage(browser, true);
  await page.goto(base + "/quiz");
  const heights = await page.$$eval("label.option, button", (all) =>
    all.map((e) => e.getBoundingClientRect().height));
  check(heights.length > 0 && heights.every((h) => h >= 44), "heights: " + heights.join(", "));
  await context.close();
});

test("every kind of page passes axe-core without serious or critical violations", async (browser) => {
  const { context, page } = await newPage(browser, true);
  await page.goto(base + "/quiz");
  await accessible(page, "question 1");
  await page.goto(base + "/nothing");
  await accessible(page, "the 404 page");
  await shot(page, "not-found");
  await page.goto(base + "/quiz");
  await takeQuiz(page, true);
  await accessible(page, "the result page");
  await context.close();
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Opens the facilitator screen in a new context and logs in with the key through its form.
async function facilitatorScreen(browser, javaScript) {
  const key = process.env.CQ_FACILITATOR_KEY;
  check(key, "CQ_FACILITATOR_KEY is not set");
  const screen = await newPage(browser, javaScript);
  await screen.page.goto(base + "/facilitator");
  await screen.page.fill("#key", key);
  await Promise.all([screen.page.waitForLoadState("load"), screen.page.click("button[type=submit]")]);
  check(await screen.page.locator("#total").count() === 1, "the login did not open the screen");
  screen.problems.length = 0; // the login page itself is a 401, which the console reports
  return screen;
}

const shownTotal = async (page) => Number(await page.locator("#total").getAttribute("data-total"));

// Polls the screen's count until it is n (with the page's own script or its meta refresh).
async function waitForTotal(page, n, seconds) {
  for (let waited = 0; waited < seconds * 10; waited++) {
    try { if (await shownTotal(page) === n) return; } catch (e) { /* reloading */ }
    await sleep(100);
  }
  throw new Failure(`the screen still shows ${await shownTotal(page)}, not ${n}`);
}

test("the facilitator screen counts a result another browser finishes, and /r/CODE shows it", async (browser) => {
  const screen = await facilitatorScreen(browser, true);
  const before = await shownTotal(screen.page);
  // A mark in the page: still there afterwards, the page was updated, not reloaded.
  await screen.page.evaluate(() => { window.notReloaded = true; });
  await accessible(screen.page, "the facilitator screen");
  await shot(screen.page, "facilitator-before");

  const person = await newPage(browser, true);
  await person.page.goto(base + "/quiz");
  await takeQuiz(person.page, true);
  const address = person.page.url();
  check(/\/r\/[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/.test(address), "the result is not at /r/CODE: " + address);
  const heading = await person.page.locator("h1").first().innerText();
  check(/Your career path:/.test(heading), "no result at " + address);

  await waitForTotal(screen.page, before + 1, 10);
  check(await screen.page.evaluate(() => window.notReloaded === true), "the screen reloaded instead of updating");
  await shot(screen.page, "facilitator-after");
  check(screen.problems.length === 0, "console errors on the screen: " + screen.problems.join("; "));

  // The code's address, opened elsewhere (another phone, later), shows the same result.
  const later = await newPage(browser, true);
  await later.page.goto(address);
  check(await later.page.locator("h1").first().innerText() === heading, "/r/CODE shows another result");
  const code = address.slice(-9);
  check(await later.page.locator(`strong.code:text("${code}")`).count() === 1, "the page does not show its code");
  await accessible(later.page, "the result page of a code");
  await shot(later.page, "result-by-code");
  await Promise.all([screen.context.close(), person.context.close(), later.context.close()]);
});

test("without javascript the facilitator screen refreshes itself and counts the next result", async (browser) => {
  const screen = await facilitatorScreen(browser, false);
  const before = await shownTotal(screen.page);
  const person = await newPage(browser, false);
  await person.page.goto(base + "/quiz");
  await takeQuiz(person.page, false);
  await waitForTotal(screen.page, before + 1, 15);
  await Promise.all([screen.context.close(), person.context.close()]);
});

(async () => {
  console.log(`1..${tests.length}`);
  let browser;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  } catch (e) {
    tests.forEach((t, i) => console.log(`not ok ${i + 1} - ${t.name}\n# chromium: ${e.message}`));
    process.exit(1);
  }
  let failed = 0;
  for (const [i, t] of tests.entries()) {
    try {
      await t.fn(browser);
      console.log(`ok ${i + 1} - ${t.name}`);
    } catch (e) {
      failed++;
      console.log(`not ok ${i + 1} - ${t.name}`);
      String(e instanceof Failure ? e.message : e.stack).split("\n")
        .forEach((line) => console.log("# " + line));
    }
  }
  await browser.close();
  process.exit(failed ? 1 : 0);
})();
