import { serveJobs } from "../../../platform/results/serve-jobs.ts";
import { runScoreJob } from "./score-job.ts";

// A scoring thread: the pure scoring runs here, off the thread that answers requests.
serveJobs(runScoreJob);
