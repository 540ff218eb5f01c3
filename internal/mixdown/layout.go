package mixdown

// rect is a tile's place in the frame, in pixels.
type rect struct{ x, y, w, h int }

// gridRects lays n tiles out in rows and columns, choosing the column count
// that leaves 16:9 video the largest picture (the most columns on a tie:
// side by side before stacked); a short last row is centred,
// and so is the grid.
func gridRects(n, width, height int) []rect {
	cols, best := 1, 0
	for c := 1; c <= n; c++ {
		rows := (n + c - 1) / c
		w, h := width/c, height/rows
		fit := min(w, h*16/9) * min(h, w*9/16)
		if fit >= best { // on a tie, side by side
			cols, best = c, fit
		}
	}
	rows := (n + cols - 1) / cols
	w, h := even(width/cols), even(height/rows)
	y0 := even((height - rows*h) / 2)
	out := make([]rect, 0, n)
	for i := range n {
		row, col := i/cols, i%cols
		inRow := min(cols, n-row*cols)
		x0 := even((width - inRow*w) / 2)
		out = append(out, rect{x: x0 + col*w, y: y0 + row*h, w: w, h: h})
	}
	return out
}

// pipRects puts the first tile over the whole frame and the others, a
// quarter of the frame wide, from the bottom-right corner leftwards, in
// as many rows upwards as they need.
func pipRects(n, width, height int) []rect {
	out := []rect{{0, 0, width, height}}
	margin := even(max(width/64, 4))
	w, h := even(width/4), even(height/4)
	perRow := max(1, (width-margin)/(w+margin))
	for i := range n - 1 {
		row, col := i/perRow, i%perRow
		out = append(out, rect{
			x: width - (col+1)*(w+margin),
			y: height - (row+1)*(h+margin),
			w: w, h: h,
		})
	}
	return out
}

func even(v int) int { return v &^ 1 }
