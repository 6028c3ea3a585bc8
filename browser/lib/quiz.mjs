// Quizzes in the browser: the one place the browser suite knows how mdbook-quiz renders.
//
// mdbook-quiz turns `{{#quiz ...}}` into a `div.quiz-placeholder`; its script mounts the quiz UI
// into it. checkQuizzesMounted() runs on every page in every theme the suite visits.
//
// Issue 7 asks for every quiz "mounted and answerable (answer one question in a test)":
// book.test.mjs calls answerOneQuestion() on the first page with a quiz, in the test 'a quiz can
// be answered'. This is the place to extend if mdbook-quiz's markup or question types change.

export const QUIZ_SELECTOR = '.quiz-placeholder';

/** Failures (strings) for quizzes on the page that did not mount within `timeout` ms. */
export async function checkQuizzesMounted(page, timeout = 10_000) {
    const count = await page.locator(QUIZ_SELECTOR).count();
    if (count === 0) return [];
    try {
        await page.waitForFunction(
            (sel) => [...document.querySelectorAll(sel)].every((q) => q.childElementCount > 0),
            QUIZ_SELECTOR,
            { timeout },
        );
    } catch {
        // reported below
    }
    return page.evaluate((sel) => [...document.querySelectorAll(sel)].flatMap((q, i) => {
        const name = (q.dataset.quizName || '').replace(/^"|"$/g, '') || `#${i + 1}`;
        return q.childElementCount > 0 ? [] : [`quiz ${name} did not mount (its placeholder is still empty)`];
    }), QUIZ_SELECTOR);
}

/**
 * Answers question `index` (0-based; the quiz must be at that question) of the first quiz on
 * `page` as a reader would, with the answer the quiz declares, and checks that the quiz moves on
 * (to the next question, or to its results after the last one). Returns a list of failures.
 * Handles mdbook-quiz 0.5's MultipleChoice, Tracing and ShortAnswer questions.
 */
export async function answerQuestion(page, index = 0) {
    const quiz = page.locator(QUIZ_SELECTOR).first();
    const name = JSON.parse(await quiz.getAttribute('data-quiz-name') ?? '""') || 'the first quiz';
    const { questions } = JSON.parse(await quiz.getAttribute('data-quiz-questions'));
    const q = questions[index];
    const where = `quiz ${name}, question ${index + 1} (${q.id ?? q.type})`;
    const start = quiz.locator('button.start');
    if (index === 0 && await start.count()) await start.click();
    const form = quiz.locator('form.response');
    try {
        await form.waitFor({ timeout: 10_000 });
    } catch {
        return [`${where}: no question form appeared`];
    }
    const counter = quiz.locator('.counter');
    const before = await counter.textContent();
    const a = q.answer;
    switch (q.type) {
        case 'MultipleChoice':
            for (const choice of [].concat(a.answer)) {
                const input = form.locator('input[name="answer"]');
                const all = await input.evaluateAll((els) => els.map((e) => e.value));
                const i = all.indexOf(choice);
                if (i < 0) return [`${where}: the declared answer ${JSON.stringify(choice)} is not among the choices shown`];
                await input.nth(i).check();
            }
            break;
        case 'Tracing':
            await form.locator(`input[name="doesCompile"][value="${a.doesCompile}"]`).check();
            if (a.doesCompile) {
                await form.locator('textarea[name="stdout"]').fill(a.stdout);
            } else {
                // mdbook-quiz 0.5 asks only "does NOT compile"; a later one may ask for the line.
                const line = form.locator('input[name="lineNumber"], input[type="number"]');
                if (await line.count()) await line.first().fill(String(a.lineNumber));
            }
            break;
        case 'ShortAnswer':
            await form.locator('input[type="text"], textarea').first().fill(String(a.answer));
            break;
        default:
            return [`${where}: question type ${q.type} is not handled by browser/lib/quiz.mjs`];
    }
    await form.locator('input[type="submit"], button[type="submit"]').first().click();
    try {
        await page.waitForFunction(
            ([el, text]) => el.querySelector('.counter')?.textContent !== text || !el.querySelector('form.response'),
            [await quiz.elementHandle(), before],
            { timeout: 10_000 },
        );
    } catch {
        const errors = await form.locator('.error, [class*="error"]').allTextContents().catch(() => []);
        return [`${where}: the quiz did not move on after the declared answer was submitted (still "${before}")${errors.length ? `; it says: ${errors.join(' ')}` : ''}`];
    }
    return [];
}

/** Answers the first question of the first quiz on `page` (see answerQuestion). */
export async function answerOneQuestion(page) {
    return answerQuestion(page, 0);
}
