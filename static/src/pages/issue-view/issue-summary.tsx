export { IssueSummary as default } from '../../components/issue/IssueSummary';
