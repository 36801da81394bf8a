"""What the site needs besides its pages: our scripts and styles, the course data for the
browser, and the files that make a hosted site work offline."""
