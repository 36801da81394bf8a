"""The exports: question banks for an LMS (GIFT, Moodle XML, QTI) and the packages of a built
site (the offline zip, SCORM). Format logic only: they read the model and write bytes."""
