/**
 * Publishing to git repositories: {@link dev.distribution.target.git.GitTap} clones a Homebrew
 * tap with JGit, commits changed files in one commit and pushes it, retrying once after a
 * fetch when another push came first.
 */
package dev.distribution.target.git;
