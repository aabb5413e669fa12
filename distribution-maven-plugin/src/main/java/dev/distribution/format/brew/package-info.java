/**
 * The Homebrew format: formula names and the class names Homebrew derives from them ({@link
 * dev.distribution.format.brew.FormulaName}), the formula model ({@link
 * dev.distribution.format.brew.Formula}) and its Ruby rendering ({@link
 * dev.distribution.format.brew.FormulaWriter}), bottle tags and bottle archives ({@link
 * dev.distribution.format.brew.BottleBuilder}).
 */
package dev.distribution.format.brew;
