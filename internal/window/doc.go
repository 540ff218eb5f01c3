// Package window remembers the desktop window's size and place between runs,
// in the data folder's window.json: Observed turns what the window reports
// when it closes into a Geometry, Save and Load keep it, and Fit brings it back
// onto the screen it opens on (a smaller or missing monitor never hides it).
package window
