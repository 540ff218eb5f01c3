//go:build bindings

package app

// bindingsOnly is set when `wails build` compiles the app to list its bound
// methods: that run must not open a data folder or bind a port.
const bindingsOnly = true
