"""Views: projections of the catalogue (listings, fact boxes, map, exports, feeds)."""
