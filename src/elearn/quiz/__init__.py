"""Questions: their model, which quizzes a course has, their HTML and the data that scores them."""
