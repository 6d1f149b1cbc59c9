// The starter question bank that **Create a Questions File** writes into the workspace: behavioral
// questions grouped by the generic competencies of bank/frameworks.ts (each group's heading is the
// competency's name, so the group tags its questions). Written for this project in our own words;
// no list from a book, a site or a company is copied.

export const STARTER_QUESTIONS = `---
interview-notes: questions
---
# Practice questions

Written for Interview Notes as a starting point; edit them freely. Link a question to the story
that answers it with \`→ A.2\` (category and story number), \`[[story title]]\`, or a link to the
story's heading; tag it with \`#competency\`.

## Conflict
- Tell me about a time you disagreed with a teammate on how to build something. How did it end?
- Describe a decision you argued against and then had to carry out anyway.
- When did two people you worked with not get along, and what did you do about it?

## Leadership
- Tell me about a time you set the direction for a group without being its manager.
- Describe a moment when the team was stuck and you got it moving again.
- When did you have to ask people to do something they did not want to do?

## Ownership
- Tell me about a problem that was not yours which you fixed anyway.
- Describe something you kept running long after you were asked to build it.
- When did you take the blame for something, and what happened next?

## Failure
- Tell me about a mistake of yours that reached users or customers.
- Describe a project of yours that did not reach its goal. What would you do differently?
- When did you miss a commitment, and how did you tell the people waiting on it?

## Influence
- Tell me about a time you changed the mind of someone more senior than you.
- Describe how you won support for an idea from a team you had no authority over.
- When did you fail to convince someone, and what did you learn from it?

## Teamwork
- Tell me about the best team you have worked in. What was your part in making it work?
- Describe a time you helped a colleague hit a goal that was theirs, not yours.
- When did you have to work closely with someone whose style was very different from yours?

## Ambiguity
- Tell me about a project that started with an unclear goal. How did you make it concrete?
- Describe a decision you made without the data you wanted. How did it turn out?
- When did the plan change halfway through, and how did you keep the work on track?

## Customer focus
- Tell me about a time you went out of your way for a user or a customer.
- Describe a request from a customer that you said no to, and how you handled it.
- When did feedback from users change what you were building?

## Communication
- Tell me about a time you explained something technical to people without a technical background.
- Describe a misunderstanding that cost time, and what you changed after it.
- When did you have to deliver bad news, and how did you go about it?

## Prioritisation
- Tell me about a time you had more work than time. What did you drop, and why?
- Describe how you decided between two urgent requests from different people.
- When did you stop working on something you had started, because something else mattered more?

## Learning and growth
- Tell me about something you had to learn fast to get a job done.
- Describe a habit you changed because of a lesson at work.

## Innovation
- Tell me about an idea of yours that others went on to use.
- Describe a process you made simpler. How did you know it was better?

## Delivery under pressure
- Tell me about a deadline you met only just. What made the difference?
- Describe how you handled an outage or a crisis while it was happening.

## Mentoring
- Tell me about someone you helped grow at work. What did you do, and what changed for them?
- Describe how you brought a new person up to speed on a complicated system.

## Dealing with feedback
- Tell me about the hardest feedback you have received. What did you do with it?
- Describe a time you gave someone feedback they did not want to hear.
`;
