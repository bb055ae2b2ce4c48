import { expect, test } from '@playwright/test';
import { assignedRequest } from './scene.js';
import { consoleUrl } from './support.js';

test('an officer signs in and adds a note with the keyboard alone', async ({ page }) => {
  const ref = await assignedRequest('Environmental clearance for a road');
  await page.goto(consoleUrl(`requests/${ref}`));
  await expect(page.getByRole('heading', { name: /Sign in/ })).toBeVisible();

  // Sign in: Tab to the person picker, open it, type to filter, choose, Tab to the button.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /Person/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.type('legal.officer');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: ref })).toBeVisible();

  // Add a note: reach the button by Tab, open the form, type, submit with Enter on the submit button.
  const addNote = page.getByRole('button', { name: 'Add note' });
  for (let i = 0; i < 40 && !(await addNote.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(addNote).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  const note = page.getByLabel('Note', { exact: true });
  for (let i = 0; i < 5 && !(await note.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(note).toBeFocused();
  await page.keyboard.type('Asked the records section for the file.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('dialog').getByRole('button', { name: 'Add note' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Add note: done.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Note by Legal Officer' })).toBeVisible();
  await expect(page.getByTestId('message-text').last()).toHaveText('Asked the records section for the file.');
});
