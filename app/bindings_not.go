//go:build !bindings

package app

const bindingsOnly = false
