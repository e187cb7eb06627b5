"""Many articles: archives read as records, the batch run on every core, its tables, and the Spark job."""
